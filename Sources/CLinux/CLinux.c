#define _GNU_SOURCE
#include "CLinux.h"
#include <errno.h>
#include <malloc.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int ampwise_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int ampwise_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

int ampwise_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout) {
    return epoll_wait(epfd, events, maxevents, timeout);
}

int ampwise_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int ampwise_accept4(int fd, struct sockaddr *addr, socklen_t *len) {
    return accept4(fd, addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

uint64_t ampwise_epoll_event_data(const struct epoll_event *event) { return event->data.u64; }
uint32_t ampwise_epoll_event_events(const struct epoll_event *event) { return event->events; }

uint64_t ampwise_monotonic_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
}

/// getaddrinfo for a TCP `port` with `flags`; 0, or the errno value or negated getaddrinfo code.
static int ampwise_tcp_addresses(const char *host, int port, int flags, struct addrinfo **results) {
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = flags | AI_NUMERICSERV;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    int status = getaddrinfo(host, service, &hints, results);
    if (status == 0) return 0;
    return status == EAI_SYSTEM ? errno : -status;
}

int ampwise_tcp_listen(const char *host, int port, int backlog, int *error, int *failed_step) {
    struct addrinfo *results = NULL;
    int status = ampwise_tcp_addresses(host, port, AI_PASSIVE, &results);
    if (status != 0) {
        *error = status;
        *failed_step = 1;
        return -1;
    }
    int fd = socket(results->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = errno;
        *failed_step = 2;
        freeaddrinfo(results);
        return -1;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, results->ai_addr, results->ai_addrlen) != 0) {
        *error = errno;
        *failed_step = 3;
        close(fd);
        freeaddrinfo(results);
        return -1;
    }
    freeaddrinfo(results);
    if (listen(fd, backlog) != 0) {
        *error = errno;
        *failed_step = 4;
        close(fd);
        return -1;
    }
    return fd;
}

int ampwise_tcp_resolve(const char *host, int port, struct sockaddr_storage *addresses, socklen_t *lengths,
                        int capacity, int *error) {
    struct addrinfo *results = NULL;
    int status = ampwise_tcp_addresses(host, port, AI_ADDRCONFIG, &results);
    if (status != 0) {
        *error = status;
        return -1;
    }
    int count = 0;
    for (struct addrinfo *entry = results; entry != NULL && count < capacity; entry = entry->ai_next) {
        if (entry->ai_addrlen > sizeof(struct sockaddr_storage)) continue;
        memset(&addresses[count], 0, sizeof(struct sockaddr_storage));
        memcpy(&addresses[count], entry->ai_addr, entry->ai_addrlen);
        lengths[count] = entry->ai_addrlen;
        count++;
    }
    freeaddrinfo(results);
    return count;
}

int ampwise_tcp_connect(const struct sockaddr_storage *address, socklen_t length, int *error) {
    int fd = socket(address->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = errno;
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (const struct sockaddr *)address, length) == 0) {
        *error = 0;
        return fd;
    }
    // A non-blocking connect interrupted by a signal goes on in the background, like EINPROGRESS.
    if (errno == EINPROGRESS || errno == EINTR) {
        *error = EINPROGRESS;
        return fd;
    }
    *error = errno;
    close(fd);
    return -1;
}

int ampwise_socket_error(int fd) {
    int code = 0;
    socklen_t length = sizeof code;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) != 0) return errno;
    return code;
}

int ampwise_local_port(int fd) {
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0) return -1;
    if (address.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&address)->sin6_port);
    return -1;
}

int ampwise_set_nodelay(int fd) {
    int one = 1;
    return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void ampwise_format_address(const struct sockaddr_storage *address, char *buffer, size_t length) {
    char ip[INET6_ADDRSTRLEN] = "?";
    if (address->ss_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)address;
        inet_ntop(AF_INET, &v4->sin_addr, ip, sizeof ip);
        snprintf(buffer, length, "%s:%u", ip, (unsigned)ntohs(v4->sin_port));
    } else if (address->ss_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)address;
        inet_ntop(AF_INET6, &v6->sin6_addr, ip, sizeof ip);
        snprintf(buffer, length, "[%s]:%u", ip, (unsigned)ntohs(v6->sin6_port));
    } else {
        snprintf(buffer, length, "unknown");
    }
}

ssize_t ampwise_send(int fd, const void *bytes, size_t length) {
    return send(fd, bytes, length, MSG_NOSIGNAL);
}

void ampwise_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

void ampwise_set_thread_name(const char *name) {
    char truncated[16];
    snprintf(truncated, sizeof truncated, "%s", name);
    pthread_setname_np(pthread_self(), truncated);
}

/// The write end of each signal's pipe, by signal number, for the handler below.
static volatile int ampwise_signal_pipes[65];

/// Async-signal-safe: one write(2), errno kept.
static void ampwise_signal_handler(int signum) {
    int saved = errno;
    unsigned char byte = (unsigned char)signum;
    if (signum > 0 && signum < 65) { (void)write(ampwise_signal_pipes[signum], &byte, 1); }
    errno = saved;
}

int ampwise_signal_to_pipe(int signum, int write_fd) {
    if (signum <= 0 || signum >= 65) {
        errno = EINVAL;
        return -1;
    }
    ampwise_signal_pipes[signum] = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ampwise_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(signum, &action, NULL);
}

int ampwise_malloc_trim(void) { return malloc_trim(0); }
