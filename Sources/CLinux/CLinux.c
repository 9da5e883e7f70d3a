#define _GNU_SOURCE
#include "CLinux.h"

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
