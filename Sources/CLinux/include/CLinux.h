#ifndef AMPWISE_CLINUX_H
#define AMPWISE_CLINUX_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdint.h>

// Glibc's Swift overlay does not export these; thin wrappers keep the Swift side typed.
int ampwise_epoll_create(void);
int ampwise_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
int ampwise_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);
int ampwise_eventfd(void);
int ampwise_accept4(int fd, struct sockaddr *addr, socklen_t *len);
uint64_t ampwise_epoll_event_data(const struct epoll_event *event);
uint32_t ampwise_epoll_event_events(const struct epoll_event *event);

static const uint32_t AMPWISE_EPOLLIN = EPOLLIN;
static const uint32_t AMPWISE_EPOLLOUT = EPOLLOUT;
static const uint32_t AMPWISE_EPOLLERR = EPOLLERR;
static const uint32_t AMPWISE_EPOLLHUP = EPOLLHUP;
static const uint32_t AMPWISE_EPOLLRDHUP = EPOLLRDHUP;
#endif
