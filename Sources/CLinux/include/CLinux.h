#ifndef AMPWISE_CLINUX_H
#define AMPWISE_CLINUX_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

// Glibc's Swift overlay does not export these; thin wrappers keep the Swift side typed.
int ampwise_epoll_create(void);
int ampwise_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
int ampwise_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);
int ampwise_eventfd(void);
int ampwise_accept4(int fd, struct sockaddr *addr, socklen_t *len);
uint64_t ampwise_epoll_event_data(const struct epoll_event *event);
uint32_t ampwise_epoll_event_events(const struct epoll_event *event);

/// Installs a handler for `signum` that writes the signal number, as one byte, to `write_fd` (the
/// non-blocking write end of a pipe). The pipe keeps a signal until someone reads it, so none is
/// lost between installing and watching. Returns 0, or -1 with errno set.
int ampwise_signal_to_pipe(int signum, int write_fd);

/// glibc's malloc_trim(0): returns the free pages of every malloc arena to the system. Returns 1
/// when memory was released (see Sources/App/Commands/HeapTrimmer.swift).
int ampwise_malloc_trim(void);

/// Nanoseconds of CLOCK_MONOTONIC: never jumps with wall-clock changes.
uint64_t ampwise_monotonic_nanoseconds(void);

/// Resolves `host` (numeric or name), creates a non-blocking TCP socket with SO_REUSEADDR, binds
/// and listens. Returns the fd, or -1 with `*error` set to an errno value or, when name
/// resolution failed, to the negated getaddrinfo code (`*failed_step`: 1 resolve, 2 socket,
/// 3 bind, 4 listen).
int ampwise_tcp_listen(const char *host, int port, int backlog, int *error, int *failed_step);

/// Resolves `host` (numeric or name) for a TCP connection to `port` (blocking: call it off the event
/// loops). Writes up to `capacity` addresses, in getaddrinfo's order, to `addresses` and their
/// lengths to `lengths`; returns how many, or -1 with `*error` set to an errno value or to the
/// negated getaddrinfo code.
int ampwise_tcp_resolve(const char *host, int port, struct sockaddr_storage *addresses, socklen_t *lengths,
                        int capacity, int *error);

/// Creates a non-blocking TCP socket for `address` and starts connecting. Returns the fd with
/// `*error` 0 (connected at once) or EINPROGRESS (watch for writability, then read SO_ERROR), or
/// -1 with `*error` set.
int ampwise_tcp_connect(const struct sockaddr_storage *address, socklen_t length, int *error);

/// The pending error of a socket (SO_ERROR), 0 when none: how a non-blocking connect ended.
int ampwise_socket_error(int fd);

/// The port a bound socket listens on (useful after binding port 0), or -1.
int ampwise_local_port(int fd);

/// Sets TCP_NODELAY: OCPP messages are small request/response pairs; Nagle would add latency.
int ampwise_set_nodelay(int fd);

/// Writes "ip:port" or "[ipv6]:port" for an accepted peer into `buffer`.
void ampwise_format_address(const struct sockaddr_storage *address, char *buffer, size_t length);

/// send(2) with MSG_NOSIGNAL: a peer that went away gives EPIPE instead of killing the process.
ssize_t ampwise_send(int fd, const void *bytes, size_t length);

/// Ignores SIGPIPE process-wide (belt and braces next to MSG_NOSIGNAL).
void ampwise_ignore_sigpipe(void);

/// Names the calling thread (shown by top -H and debuggers); names are cut to 15 bytes.
void ampwise_set_thread_name(const char *name);

static const uint32_t AMPWISE_EPOLLIN = EPOLLIN;
static const uint32_t AMPWISE_EPOLLOUT = EPOLLOUT;
static const uint32_t AMPWISE_EPOLLERR = EPOLLERR;
static const uint32_t AMPWISE_EPOLLHUP = EPOLLHUP;
static const uint32_t AMPWISE_EPOLLRDHUP = EPOLLRDHUP;
static const int AMPWISE_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
static const int AMPWISE_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
static const int AMPWISE_EPOLL_CTL_DEL = EPOLL_CTL_DEL;
#endif
