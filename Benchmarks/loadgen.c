/*
 * loadgen.c - OCPP-J 1.6 WebSocket load generator.
 *
 * Independent of the server under test: plain C, epoll, non-blocking sockets,
 * one event loop per thread, no third-party libraries (SHA-1 and base64 are
 * implemented here for the RFC 6455 handshake check).
 *
 * Build:  gcc -O2 -pthread -o loadgen Benchmarks/loadgen.c -lm
 *
 * Phases (every phase is bounded in time; the program always stops by itself):
 *   1. connect  - open -c connections to ws://HOST:PORT/PREFIX-<i> (subprotocol
 *                 ocpp1.6), send a BootNotification CALL on each and wait for
 *                 its CALLRESULT.  At most --inflight handshakes are in flight;
 *                 --ramp caps the rate of new connections.  Deadline:
 *                 --connect-timeout.
 *   2. run      - -d seconds.  Each connection has at most ONE outstanding CALL
 *                 (OCPP-J rule).  Closed loop by default: the next CALL goes out
 *                 when the previous CALLRESULT arrives.  --rate R caps the total
 *                 CALL rate (open loop, round-robin over idle connections).
 *   3. drain    - no new CALLs; wait (at most --drain s) for outstanding ones.
 *   4. close    - send a WebSocket Close (1000) on every connection, wait at
 *                 most --close-timeout s, then close the sockets.
 *
 * Any CALL the server sends is answered with a minimal valid CALLRESULT (or a
 * NotImplemented CALLERROR for unknown actions); pings are answered with pongs;
 * an accepted TriggerMessage makes the charger send the requested message when
 * it has no CALL of its own outstanding.
 *
 * Ampwise's copy (Benchmarks/loadgen.c) adds, all off by default (see --help):
 *   --charging        after each boot a charger reports StatusNotification Charging
 *                     and, once, StartTransaction; its MeterValues carry the
 *                     transaction id; StatusNotification reports its own status.
 *   --mix             run-phase CALLs: mostly MeterValues, some StatusNotification
 *                     (Charging <-> SuspendedEV) and Heartbeat.
 *   --close-at S      S seconds into the run phase every charger closes its socket
 *                     at once (no close frame, no reconnect): a disconnect storm.
 *   --slowloris N     N more TCP connections that send half an upgrade request at
 *                     the start of the run phase and never finish it; closed at
 *                     --close-at (or left to the server's handshake timeout).
 *   --wave-every S, --wave-size N
 *                     every S seconds N chargers drop their sockets and reconnect
 *                     (new TCP connection, upgrade, BootNotification).
 *   --probe-ms MS     one more charger (--probe-id) on a thread of its own sends a
 *                     Heartbeat every MS ms and measures its round trip; with
 *                     --api-port, GET /api/health is measured the same way.
 *   --inputs-ms MS    with --api-port: PUT /api/inputs grid.power every MS ms.
 *   --report-every S  a table line every S seconds of the run phase: calls, latency
 *                     percentiles, the probes, errors, the server's RSS and CPU
 *                     (--server-pid) and the lines added to --log-file.
 *   --ocpp201         the chargers speak OCPP 2.0.1 (subprotocol ocpp2.0.1): its
 *                     BootNotification, StatusNotification and MeterValues payloads,
 *                     and answers to the CSMS's 2.0.1 set-up calls (GetVariables and
 *                     SetVariables answered per variable as unknown). Not with
 *                     --charging (2.0.1 transactions are TransactionEvents).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* small utilities                                                           */
/* ------------------------------------------------------------------------ */

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static double cpu_self_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *msg) {
    fprintf(stderr, "loadgen: %s\n", msg);
    exit(2);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n);
    if (!p) die("out of memory");
    return p;
}

/* xoshiro-ish 64-bit PRNG (splitmix64), seeded from getrandom() */
static inline uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* ---- SHA-1 (FIPS 180-4), only used for Sec-WebSocket-Accept ---- */
static inline uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(uint32_t h[5], const uint8_t *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
        else { f = b ^ c ^ d; k = 0xCA62C1D6; }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol32(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void sha1(const uint8_t *data, size_t len, uint8_t out[20]) {
    uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    size_t i = 0;
    for (; i + 64 <= len; i += 64) sha1_block(h, data + i);
    uint8_t tail[128];
    size_t rem = len - i;
    memcpy(tail, data + i, rem);
    tail[rem] = 0x80;
    size_t tl = (rem + 1 + 8 <= 64) ? 64 : 128;
    memset(tail + rem + 1, 0, tl - rem - 1);
    uint64_t bits = (uint64_t)len * 8;
    for (int j = 0; j < 8; j++) tail[tl - 1 - j] = (uint8_t)(bits >> (8 * j));
    sha1_block(h, tail);
    if (tl == 128) sha1_block(h, tail + 64);
    for (int j = 0; j < 5; j++) {
        out[4 * j] = h[j] >> 24; out[4 * j + 1] = h[j] >> 16;
        out[4 * j + 2] = h[j] >> 8; out[4 * j + 3] = h[j];
    }
}

static size_t b64enc(const uint8_t *in, size_t n, char *out) {
    static const char T[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0, i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = T[v >> 18]; out[o++] = T[(v >> 12) & 63]; out[o++] = T[(v >> 6) & 63]; out[o++] = T[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)in[i] << 16;
        out[o++] = T[v >> 18]; out[o++] = T[(v >> 12) & 63]; out[o++] = '='; out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
        out[o++] = T[v >> 18]; out[o++] = T[(v >> 12) & 63]; out[o++] = T[(v >> 6) & 63]; out[o++] = '=';
    }
    out[o] = 0;
    return o;
}

static void ws_accept_for(const char *key, char out[32]) {
    char buf[128];
    int n = snprintf(buf, sizeof buf, "%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", key);
    uint8_t d[20];
    sha1((const uint8_t *)buf, (size_t)n, d);
    b64enc(d, 20, out);
}

/* ------------------------------------------------------------------------ */
/* HDR-like log-bucket histogram (values in ns, relative error < 0.8%)       */
/* ------------------------------------------------------------------------ */
#define H_SUB_BITS 8
#define H_SUB (1 << H_SUB_BITS)  /* 256 exact buckets for 0..255 */
#define H_HALF (H_SUB / 2)       /* 128 sub-buckets per power of two above */
#define H_MAXE 48
#define H_N (H_SUB + H_MAXE * H_HALF)

typedef struct {
    uint64_t b[H_N];
    uint64_t count, max, min;
    double sum;
} hist_t;

static inline int h_idx(uint64_t v) {
    if (v < H_SUB) return (int)v;
    int msb = 63 - __builtin_clzll(v);
    int e = msb - (H_SUB_BITS - 1);
    if (e > H_MAXE) return H_N - 1;
    int m = (int)(v >> e);
    return H_SUB + (e - 1) * H_HALF + (m - H_HALF);
}

static inline uint64_t h_upper(int idx) {
    if (idx < H_SUB) return (uint64_t)idx;
    int e = (idx - H_SUB) / H_HALF + 1;
    int m = (idx - H_SUB) % H_HALF + H_HALF;
    return (((uint64_t)m + 1) << e) - 1;
}

static hist_t *hist_new(void) {
    hist_t *h = calloc(1, sizeof *h);
    if (!h) die("out of memory");
    h->min = UINT64_MAX;
    return h;
}

static inline void hist_add(hist_t *h, uint64_t v) {
    h->b[h_idx(v)]++;
    h->count++;
    h->sum += (double)v;
    if (v > h->max) h->max = v;
    if (v < h->min) h->min = v;
}

static void hist_merge(hist_t *dst, const hist_t *src) {
    for (int i = 0; i < H_N; i++) dst->b[i] += src->b[i];
    dst->count += src->count;
    dst->sum += src->sum;
    if (src->max > dst->max) dst->max = src->max;
    if (src->min < dst->min) dst->min = src->min;
}

/* value at percentile p (0..100): highest value equivalent to the bucket holding rank ceil(p*N) */
static uint64_t hist_pct(const hist_t *h, double p) {
    if (h->count == 0) return 0;
    uint64_t rank = (uint64_t)ceil(p / 100.0 * (double)h->count);
    if (rank < 1) rank = 1;
    uint64_t acc = 0;
    for (int i = 0; i < H_N; i++) {
        acc += h->b[i];
        if (acc >= rank) {
            uint64_t v = h_upper(i);
            return v > h->max ? h->max : v;
        }
    }
    return h->max;
}

static void hist_print(const char *name, const hist_t *h) {
    if (h->count == 0) {
        printf("  %-28s (no samples)\n", name);
        return;
    }
    printf("  %-28s n=%" PRIu64 " mean %.1f  p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (us)\n", name,
           h->count, h->sum / h->count / 1e3, hist_pct(h, 50) / 1e3, hist_pct(h, 90) / 1e3, hist_pct(h, 99) / 1e3,
           hist_pct(h, 99.9) / 1e3, h->max / 1e3);
}

/* ------------------------------------------------------------------------ */
/* configuration and shared state                                            */
/* ------------------------------------------------------------------------ */
enum { MODE_HEARTBEAT = 0, MODE_METER, MODE_STATUS };
enum { PH_CONNECT = 0, PH_RUN, PH_DRAIN, PH_CLOSE, PH_EXIT };
enum { ST_IDLE = 0, ST_CONNECTING, ST_HANDSHAKE, ST_OPEN, ST_CLOSING, ST_DEAD };
enum { K_NONE = 0, K_BOOT, K_RUN, K_TRIG, K_SCRIPT };
enum { TR_NONE = 0, TR_BOOT, TR_HEARTBEAT, TR_STATUS, TR_METER, TR_DIAG, TR_FW };

static struct {
    const char *host;
    int port;
    const char *prefix;
    int conns, threads, mode, inflight, full_config, server_pid, quiet;
    double duration, rate, ramp, connect_timeout, drain_timeout, close_timeout, call_timeout;
    const char *cpus;
    /* Ampwise additions */
    int charging, mix, slowloris, api_port, wave_size, ocpp201;
    double close_at, probe_ms, inputs_ms, report_every, wave_every;
    const char *probe_id, *log_file, *probe_log;
    struct sockaddr_in addr;
    char hostport[300];
    char ts[40];  /* timestamp used in payloads */
} cfg;

/* the WebSocket subprotocol the chargers offer (and expect back) */
static const char *subprotocol(void) { return cfg.ocpp201 ? "ocpp2.0.1" : "ocpp1.6"; }

static _Atomic int g_phase = PH_CONNECT;
static uint64_t g_t_connect0;           /* written before threads start */
static _Atomic uint64_t g_t_run0, g_t_run1;
static _Atomic int g_storm;             /* set by the main thread at --close-at */
static _Atomic int g_intervals;         /* report intervals allocated per histogram array */

/* the report interval of an instant in the run phase (0 before it starts) */
static inline int interval_of(uint64_t now) {
    uint64_t t0 = atomic_load_explicit(&g_t_run0, memory_order_relaxed);
    if (cfg.report_every <= 0 || t0 == 0 || now < t0) return 0;
    int i = (int)((now - t0) / (uint64_t)(cfg.report_every * 1e9));
    int n = atomic_load_explicit(&g_intervals, memory_order_relaxed);
    return i < n ? i : n - 1;
}

typedef struct {
    uint64_t calls, calls_drain, errors, timeouts, lost_calls, stray, disconnects;
    uint64_t srv_calls, srv_calls_unknown, pings, trig_sent, trig_done, boot_rejected, boot_errors, noproto;
    uint64_t fail_connect, fail_hs, fail_timeout, fail_closed, not_started;
    uint64_t sent_run, backlog_max;
    uint64_t bytes_in, bytes_out;
    uint64_t reconnects, script_errors, storm_closed;
} counters_t;

typedef struct conn {
    int fd;
    uint32_t gidx;
    uint8_t state, kind, booted, inq, trig, we_closed, out_armed;
    uint16_t trig_conn;
    uint8_t idlen;
    char id[16];
    char accept[32];
    uint64_t t_start, t_hs, t_send, t_sched;
    uint32_t seq;
    uint32_t meter_wh;
    int32_t txid;          /* --charging: the open transaction (0 = none yet) */
    uint8_t script;        /* --charging: 0 send status, 1 send StartTransaction, 2 done */
    uint8_t reconnecting;  /* dropped by a wave: its next boot is a reconnection */
    char status[16];       /* the connector status this charger reports */
    char *in;
    uint32_t in_len, in_cap;
    char *msg;       /* fragmented message reassembly */
    uint32_t msg_len, msg_cap;
    uint8_t msg_op, in_frag;
    char *out;
    uint32_t out_len, out_off, out_cap;
} conn_t;

typedef struct worker {
    int tid, ep;
    pthread_t th;
    conn_t *c;
    uint32_t n, next_start, inflight, busy, open;
    uint32_t inflight_max;
    double ramp_pt, rate_pt;
    uint32_t *ring;
    uint32_t rh, rt, rn;
    uint64_t sent_sched;
    uint64_t rng;
    hist_t *lat, *lat_sched, *hs, *boot, *conn_total;
    hist_t **lat_iv;       /* --report-every: CALL round trips per interval */
    uint32_t wave_next;    /* --wave-every: the next connection a wave drops */
    uint64_t waves_done;
    int stormed;
    counters_t k;
    _Atomic uint32_t est, failed;
    _Atomic int connect_done, drained, finished;
} worker_t;

static worker_t *W;

/* ------------------------------------------------------------------------ */
/* connection output                                                         */
/* ------------------------------------------------------------------------ */
static void conn_lost(worker_t *w, conn_t *c, int why);

static void arm_out(worker_t *w, conn_t *c, int on) {
    if ((int)c->out_armed == on) return;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP | (on ? EPOLLOUT : 0), .data.u32 = (uint32_t)(c - w->c)};
    epoll_ctl(w->ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->out_armed = (uint8_t)on;
}

/* returns 0 on success, -1 if the connection died */
static int conn_write(worker_t *w, conn_t *c, const void *buf, size_t len) {
    const char *p = buf;
    if (c->out_len == 0) {
        ssize_t r = send(c->fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                conn_lost(w, c, 0);
                return -1;
            }
            r = 0;
        }
        w->k.bytes_out += (uint64_t)r;
        if ((size_t)r == len) return 0;
        p += r;
        len -= (size_t)r;
    }
    if (c->out_len + len > c->out_cap) {
        uint32_t nc = c->out_cap ? c->out_cap : 1024;
        while (nc < c->out_len + len) nc *= 2;
        c->out = xrealloc(c->out, nc);
        c->out_cap = nc;
    }
    memcpy(c->out + c->out_len, p, len);
    c->out_len += (uint32_t)len;
    arm_out(w, c, 1);
    return 0;
}

static int conn_flush(worker_t *w, conn_t *c) {
    while (c->out_off < c->out_len) {
        ssize_t r = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
            if (errno == EINTR) continue;
            conn_lost(w, c, 0);
            return -1;
        }
        w->k.bytes_out += (uint64_t)r;
        c->out_off += (uint32_t)r;
    }
    c->out_len = c->out_off = 0;
    arm_out(w, c, 0);
    return 0;
}

/* one masked client frame (RFC 6455 5.3: every client frame is masked) */
static int ws_send(worker_t *w, conn_t *c, int op, const char *payload, size_t len) {
    uint8_t sbuf[4096];
    uint8_t *buf = (len + 14 <= sizeof sbuf) ? sbuf : xmalloc(len + 14);
    size_t hl;
    buf[0] = (uint8_t)(0x80 | op);
    if (len < 126) {
        buf[1] = (uint8_t)(0x80 | len);
        hl = 2;
    } else if (len < 65536) {
        buf[1] = 0x80 | 126;
        buf[2] = (uint8_t)(len >> 8);
        buf[3] = (uint8_t)len;
        hl = 4;
    } else {
        buf[1] = 0x80 | 127;
        for (int i = 0; i < 8; i++) buf[2 + i] = (uint8_t)((uint64_t)len >> (56 - 8 * i));
        hl = 10;
    }
    uint32_t mk = (uint32_t)rng_next(&w->rng);
    memcpy(buf + hl, &mk, 4);
    const uint8_t *m = buf + hl;
    uint8_t *dst = buf + hl + 4;
    uint64_t m8;
    memcpy(&m8, (uint8_t[8]){m[0], m[1], m[2], m[3], m[0], m[1], m[2], m[3]}, 8);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, payload + i, 8);
        v ^= m8;
        memcpy(dst + i, &v, 8);
    }
    for (; i < len; i++) dst[i] = (uint8_t)payload[i] ^ m[i & 3];
    int r = conn_write(w, c, buf, hl + 4 + len);
    if (buf != sbuf) free(buf);
    return r;
}

/* ------------------------------------------------------------------------ */
/* OCPP messages                                                             */
/* ------------------------------------------------------------------------ */
static void set_id(conn_t *c) {
    c->seq++;
    c->idlen = (uint8_t)snprintf(c->id, sizeof c->id, "%u", c->seq);
}

static int send_call(worker_t *w, conn_t *c, int kind, const char *action, const char *payload, uint64_t now) {
    char buf[2048];
    set_id(c);
    int n = snprintf(buf, sizeof buf, "[2,\"%s\",\"%s\",%s]", c->id, action, payload);
    c->kind = (uint8_t)kind;
    c->t_send = now;
    w->busy++;
    return ws_send(w, c, 0x1, buf, (size_t)n);
}

static int send_boot(worker_t *w, conn_t *c, int kind, uint64_t now) {
    char p[256];
    if (cfg.ocpp201) {
        snprintf(p, sizeof p,
                 "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"LG-1\",\"vendorName\":\"OcppLoadGen\","
                 "\"serialNumber\":\"LG-%u\",\"firmwareVersion\":\"1.0\"}}",
                 c->gidx);
        return send_call(w, c, kind, "BootNotification", p, now);
    }
    snprintf(p, sizeof p,
             "{\"chargePointVendor\":\"OcppLoadGen\",\"chargePointModel\":\"LG-1\","
             "\"chargePointSerialNumber\":\"LG-%u\",\"firmwareVersion\":\"1.0\"}",
             c->gidx);
    return send_call(w, c, kind, "BootNotification", p, now);
}

/* OCPP 2.0.1's connectorStatus for a 1.6 status: everything in use is Occupied */
static const char *connector_status_201(const char *status16) {
    static const char *same[] = {"Available", "Unavailable", "Faulted", "Reserved"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        if (strcmp(status16, same[i]) == 0) return same[i];
    return "Occupied";
}

static int send_status(worker_t *w, conn_t *c, int kind, int connector, uint64_t now) {
    char p[256];
    if (cfg.ocpp201) {
        /* 2.0.1 has no connector 0: the charger's one EVSE reports */
        snprintf(p, sizeof p, "{\"timestamp\":\"%s\",\"connectorStatus\":\"%s\",\"evseId\":1,\"connectorId\":1}", cfg.ts,
                 connector_status_201(connector == 0 ? "Available" : c->status));
        return send_call(w, c, kind, "StatusNotification", p, now);
    }
    snprintf(p, sizeof p, "{\"connectorId\":%d,\"errorCode\":\"NoError\",\"status\":\"%s\",\"timestamp\":\"%s\"}",
             connector, connector == 0 ? "Available" : c->status, cfg.ts);
    return send_call(w, c, kind, "StatusNotification", p, now);
}

static int send_start_tx(worker_t *w, conn_t *c, uint64_t now) {
    char p[256];
    snprintf(p, sizeof p, "{\"connectorId\":1,\"idTag\":\"LOADGEN\",\"meterStart\":%u,\"timestamp\":\"%s\"}", c->meter_wh,
             cfg.ts);
    return send_call(w, c, K_SCRIPT, "StartTransaction", p, now);
}

static int send_meter(worker_t *w, conn_t *c, int kind, int connector, uint64_t now) {
    char p[1024];
    c->meter_wh += 7;
    if (cfg.ocpp201) {
        snprintf(p, sizeof p,
                 "{\"evseId\":%d,\"meterValue\":[{\"timestamp\":\"%s\",\"sampledValue\":["
                 "{\"value\":%u,\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\","
                 "\"unitOfMeasure\":{\"unit\":\"Wh\"}},"
                 "{\"value\":16.0,\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\","
                 "\"unitOfMeasure\":{\"unit\":\"A\"}},"
                 "{\"value\":230.1,\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\","
                 "\"unitOfMeasure\":{\"unit\":\"V\"}},"
                 "{\"value\":3680,\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\","
                 "\"unitOfMeasure\":{\"unit\":\"W\"}}]}]}",
                 connector < 1 ? 1 : connector, cfg.ts, c->meter_wh);
        return send_call(w, c, kind, "MeterValues", p, now);
    }
    char tx[32] = "";
    if (c->txid > 0) snprintf(tx, sizeof tx, ",\"transactionId\":%d", c->txid);
    snprintf(p, sizeof p,
             "{\"connectorId\":%d%s,\"meterValue\":[{\"timestamp\":\"%s\",\"sampledValue\":["
             "{\"value\":\"%u\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
             "{\"value\":\"16.0\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\"},"
             "{\"value\":\"230.1\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"unit\":\"V\"},"
             "{\"value\":\"3680\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}",
             connector, tx, cfg.ts, c->meter_wh);
    return send_call(w, c, kind, "MeterValues", p, now);
}

static int send_run(worker_t *w, conn_t *c, uint64_t now, uint64_t sched) {
    int r;
    w->k.sent_run++;
    if (cfg.mix) {
        /* mostly meter values; a status change now and then (Charging <-> SuspendedEV), a Heartbeat */
        uint64_t dice = rng_next(&w->rng) % 100;
        if (dice < 8) {
            if (c->txid > 0 || !cfg.charging)
                snprintf(c->status, sizeof c->status, "%s", strcmp(c->status, "Charging") == 0 ? "SuspendedEV" : "Charging");
            r = send_status(w, c, K_RUN, 1, now);
        } else if (dice < 10) {
            r = send_call(w, c, K_RUN, "Heartbeat", "{}", now);
        } else {
            r = send_meter(w, c, K_RUN, 1, now);
        }
    } else if (cfg.mode == MODE_METER) r = send_meter(w, c, K_RUN, 1, now);
    else if (cfg.mode == MODE_STATUS) r = send_status(w, c, K_RUN, 1, now);
    else r = send_call(w, c, K_RUN, "Heartbeat", "{}", now);
    c->t_sched = sched ? sched : now;
    return r;
}

static int send_trig(worker_t *w, conn_t *c, uint64_t now) {
    int t = c->trig;
    c->trig = TR_NONE;
    w->k.trig_sent++;
    switch (t) {
    case TR_BOOT: return send_boot(w, c, K_TRIG, now);
    case TR_STATUS: return send_status(w, c, K_TRIG, c->trig_conn, now);
    case TR_METER: return send_meter(w, c, K_TRIG, c->trig_conn ? c->trig_conn : 1, now);
    case TR_DIAG: return send_call(w, c, K_TRIG, "DiagnosticsStatusNotification", "{\"status\":\"Idle\"}", now);
    case TR_FW: return send_call(w, c, K_TRIG, "FirmwareStatusNotification", "{\"status\":\"Idle\"}", now);
    default: return send_call(w, c, K_TRIG, "Heartbeat", "{}", now);
    }
}

static inline void ring_push(worker_t *w, conn_t *c) {
    if (c->inq) return;
    c->inq = 1;
    w->ring[w->rt] = (uint32_t)(c - w->c);
    w->rt = (w->rt + 1) % w->n;
    w->rn++;
}

/* the connection has no CALL of its own outstanding: decide what it sends next */
static int conn_idle(worker_t *w, conn_t *c, uint64_t now) {
    if (c->state != ST_OPEN || !c->booted) return 0;
    if (c->trig) return send_trig(w, c, now);
    if (cfg.charging && c->script == 0) {
        c->script = 1;
        snprintf(c->status, sizeof c->status, "Charging");
        return send_status(w, c, K_SCRIPT, 1, now);
    }
    if (cfg.charging && c->script == 1) {
        c->script = 2;
        if (c->txid == 0) return send_start_tx(w, c, now);
    }
    int ph = atomic_load_explicit(&g_phase, memory_order_relaxed);
    if (ph != PH_RUN) return 0;
    if (cfg.rate > 0) {
        ring_push(w, c);
        return 0;
    }
    return send_run(w, c, now, 0);
}

/* minimal valid CALLRESULT payloads for CALLs from the central system */
static const char *FULL_CONFIG =
    "{\"configurationKey\":["
    "{\"key\":\"SupportedFeatureProfiles\",\"readonly\":true,\"value\":\"Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger\"},"
    "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"1\"},"
    "{\"key\":\"ChargingScheduleAllowedChargingRateUnit\",\"readonly\":true,\"value\":\"Current,Power\"},"
    "{\"key\":\"ChargeProfileMaxStackLevel\",\"readonly\":true,\"value\":\"8\"},"
    "{\"key\":\"MeterValuesSampledData\",\"readonly\":false,\"value\":\"Energy.Active.Import.Register\"},"
    "{\"key\":\"MeterValueSampleInterval\",\"readonly\":false,\"value\":\"60\"},"
    "{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"}"
    "],\"unknownKey\":[]}";

static const struct {
    const char *action;
    const char *result;
} RESULTS[] = {
    {"GetConfiguration", "{\"configurationKey\":[],\"unknownKey\":[]}"},
    {"ChangeConfiguration", "{\"status\":\"Accepted\"}"},
    {"SetChargingProfile", "{\"status\":\"Accepted\"}"},
    {"ClearChargingProfile", "{\"status\":\"Accepted\"}"},
    {"ChangeAvailability", "{\"status\":\"Accepted\"}"},
    {"RemoteStartTransaction", "{\"status\":\"Accepted\"}"},
    {"RemoteStopTransaction", "{\"status\":\"Accepted\"}"},
    {"TriggerMessage", "{\"status\":\"Accepted\"}"},
    {"Reset", "{\"status\":\"Accepted\"}"},
    {"ClearCache", "{\"status\":\"Accepted\"}"},
    {"UnlockConnector", "{\"status\":\"Unlocked\"}"},
    {"GetCompositeSchedule", "{\"status\":\"Rejected\"}"},
    {"GetLocalListVersion", "{\"listVersion\":0}"},
    {"SendLocalList", "{\"status\":\"Accepted\"}"},
    {"ReserveNow", "{\"status\":\"Accepted\"}"},
    {"CancelReservation", "{\"status\":\"Accepted\"}"},
    {"DataTransfer", "{\"status\":\"Accepted\"}"},
    {"GetDiagnostics", "{}"},
    {"UpdateFirmware", "{}"},
    {"ExtendedTriggerMessage", "{\"status\":\"Accepted\"}"},
    {"CertificateSigned", "{\"status\":\"Accepted\"}"},
    {"InstallCertificate", "{\"status\":\"Accepted\"}"},
    {"DeleteCertificate", "{\"status\":\"Accepted\"}"},
    {"GetInstalledCertificateIds", "{\"status\":\"NotFound\"}"},
    {"GetLog", "{\"status\":\"Accepted\"}"},
    {"SignedUpdateFirmware", "{\"status\":\"Accepted\"}"},
    /* OCPP 2.0.1 (--ocpp201); GetVariables and SetVariables are answered in on_server_call */
    {"GetBaseReport", "{\"status\":\"Accepted\"}"},
    {"GetReport", "{\"status\":\"Accepted\"}"},
    {"RequestStartTransaction", "{\"status\":\"Accepted\"}"},
    {"RequestStopTransaction", "{\"status\":\"Accepted\"}"},
    {"GetTransactionStatus", "{\"messagesInQueue\":false}"},
    {"SetVariables", ""},
    {"GetVariables", ""},
};

/* A 2.0.1 GetVariables/SetVariables answer: one result per requested variable, copied from the
 * request's array `list` ("getVariableData"/"setVariableData") with `status` put in front of each
 * element, in the result array `result`. Writes at most cap bytes; returns the length or -1. */
static int variables_answer(const char *payload, size_t plen, const char *list, const char *result,
                            const char *status, char *out, size_t cap) {
    const char *a = memmem(payload, plen, list, strlen(list));
    if (!a) return -1;
    const char *e = payload + plen, *q = a + strlen(list);
    while (q < e && *q != '[') q++;
    if (q >= e) return -1;
    size_t n = (size_t)snprintf(out, cap, "{\"%s\":[", result);
    int depth = 0, in_string = 0;
    for (q++; q < e && n + 64 < cap; q++) {
        char ch = *q;
        if (in_string) {
            out[n++] = ch;
            if (ch == '\\' && q + 1 < e) out[n++] = *++q;
            else if (ch == '"') in_string = 0;
            continue;
        }
        if (ch == '"') in_string = 1;
        if (ch == ']' && depth == 0) break;
        if (ch == '{' && depth++ == 0) {
            n += (size_t)snprintf(out + n, cap - n, "{\"%s\",", status);
            continue;
        }
        if (ch == '}') depth--;
        out[n++] = ch;
    }
    if (n + 3 >= cap) return -1;
    out[n++] = ']';
    out[n++] = '}';
    out[n] = 0;
    return (int)n;
}

static const char *memstr(const char *h, size_t hl, const char *n) {
    size_t nl = strlen(n);
    return memmem(h, hl, n, nl);
}

/* the string value following "key": in p[0..len), or NULL */
static const char *json_str_after(const char *p, size_t len, const char *key, size_t *vlen) {
    const char *k = memstr(p, len, key);
    if (!k) return NULL;
    const char *e = p + len, *q = k + strlen(key);
    while (q < e && (*q == ' ' || *q == ':' || *q == '\t')) q++;
    if (q >= e || *q != '"') return NULL;
    const char *s = ++q;
    while (q < e && *q != '"') q++;
    if (q >= e) return NULL;
    *vlen = (size_t)(q - s);
    return s;
}

static int on_server_call(worker_t *w, conn_t *c, const char *id, size_t idlen, const char *act, size_t actlen,
                          const char *payload, size_t plen, uint64_t now) {
    char buf[4096];
    const char *res = NULL;
    w->k.srv_calls++;
    for (size_t i = 0; i < sizeof RESULTS / sizeof RESULTS[0]; i++) {
        if (strlen(RESULTS[i].action) == actlen && memcmp(RESULTS[i].action, act, actlen) == 0) {
            res = RESULTS[i].result;
            break;
        }
    }
    if (res && cfg.full_config && actlen == 16 && memcmp(act, "GetConfiguration", 16) == 0) res = FULL_CONFIG;
    char variables[3072];
    if (res && actlen == 12 && memcmp(act, "GetVariables", 12) == 0)
        res = variables_answer(payload, plen, "\"getVariableData\"", "getVariableResult",
                               "attributeStatus\":\"UnknownVariable", variables, sizeof variables) < 0 ? NULL : variables;
    else if (res && actlen == 12 && memcmp(act, "SetVariables", 12) == 0)
        res = variables_answer(payload, plen, "\"setVariableData\"", "setVariableResult",
                               "attributeStatus\":\"UnknownVariable", variables, sizeof variables) < 0 ? NULL : variables;
    int n;
    if (idlen > 100) idlen = 100;
    if (!res) {
        w->k.srv_calls_unknown++;
        n = snprintf(buf, sizeof buf, "[4,\"%.*s\",\"NotImplemented\",\"\",{}]", (int)idlen, id);
        return ws_send(w, c, 0x1, buf, (size_t)n);
    }
    int trig = TR_NONE;
    if (actlen == 14 && memcmp(act, "TriggerMessage", 14) == 0) {
        size_t vl = 0;
        const char *v = json_str_after(payload, plen, "\"requestedMessage\"", &vl);
        if (v) {
            if (vl == 16 && !memcmp(v, "BootNotification", 16)) trig = TR_BOOT;
            else if (vl == 9 && !memcmp(v, "Heartbeat", 9)) trig = TR_HEARTBEAT;
            else if (vl == 18 && !memcmp(v, "StatusNotification", 18)) trig = TR_STATUS;
            else if (vl == 11 && !memcmp(v, "MeterValues", 11)) trig = TR_METER;
            else if (vl == 29 && !memcmp(v, "DiagnosticsStatusNotification", 29)) trig = TR_DIAG;
            else if (vl == 26 && !memcmp(v, "FirmwareStatusNotification", 26)) trig = TR_FW;
        }
        if (trig == TR_NONE) res = "{\"status\":\"Rejected\"}";
        const char *cid = memstr(payload, plen, "\"connectorId\"");
        c->trig_conn = 0;
        if (cid) {
            cid += 13;
            while (cid < payload + plen && (*cid == ':' || *cid == ' ')) cid++;
            c->trig_conn = (uint16_t)atoi(cid);
        }
    }
    n = snprintf(buf, sizeof buf, "[3,\"%.*s\",%s]", (int)idlen, id, res);
    if (ws_send(w, c, 0x1, buf, (size_t)n) < 0) return -1;
    if (trig != TR_NONE) {
        c->trig = (uint8_t)trig;
        if (c->kind == K_NONE && c->booted && c->state == ST_OPEN) return send_trig(w, c, now);
    }
    return 0;
}

/* handle one complete text message; returns -1 if the connection died */
static int on_message(worker_t *w, conn_t *c, const char *p, size_t len) {
    const char *e = p + len, *q = p;
    uint64_t now = now_ns();
#define SKIPWS() while (q < e && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')) q++
    SKIPWS();
    if (q >= e || *q != '[') { w->k.stray++; return 0; }
    q++;
    SKIPWS();
    if (q >= e || !isdigit((unsigned char)*q)) { w->k.stray++; return 0; }
    int type = *q++ - '0';
    SKIPWS();
    if (q >= e || *q != ',') { w->k.stray++; return 0; }
    q++;
    SKIPWS();
    if (q >= e || *q != '"') { w->k.stray++; return 0; }
    const char *id = ++q;
    while (q < e && *q != '"') q++;
    if (q >= e) { w->k.stray++; return 0; }
    size_t idlen = (size_t)(q - id);
    q++;
    if (type == 2) {
        SKIPWS();
        if (q >= e || *q != ',') { w->k.stray++; return 0; }
        q++;
        SKIPWS();
        if (q >= e || *q != '"') { w->k.stray++; return 0; }
        const char *act = ++q;
        while (q < e && *q != '"') q++;
        if (q >= e) { w->k.stray++; return 0; }
        size_t actlen = (size_t)(q - act);
        return on_server_call(w, c, id, idlen, act, actlen, q, (size_t)(e - q), now);
    }
    if (type != 3 && type != 4) { w->k.stray++; return 0; }
    if (c->kind == K_NONE || idlen != c->idlen || memcmp(id, c->id, idlen) != 0) {
        w->k.stray++; /* late answer to a timed-out call, or garbage */
        return 0;
    }
    int kind = c->kind;
    c->kind = K_NONE;
    w->busy--;
    if (kind == K_BOOT) {
        if (type == 3) {
            if (!memstr(q, (size_t)(e - q), "\"Accepted\"")) w->k.boot_rejected++;
        } else {
            w->k.boot_errors++;
        }
        c->booted = 1;
        w->inflight--;
        if (c->reconnecting) {
            c->reconnecting = 0;
            c->script = 0; /* a rebooted charger reports its status again */
            w->k.reconnects++;
        } else {
            atomic_fetch_add_explicit(&w->est, 1, memory_order_relaxed);
        }
        hist_add(w->boot, now - c->t_hs);
        hist_add(w->conn_total, now - c->t_start);
    } else if (kind == K_RUN) {
        if (type == 3) {
            hist_add(w->lat, now - c->t_send);
            if (w->lat_iv) hist_add(w->lat_iv[interval_of(now)], now - c->t_send);
            if (cfg.rate > 0) hist_add(w->lat_sched, now - c->t_sched);
            if (atomic_load_explicit(&g_phase, memory_order_relaxed) == PH_RUN) w->k.calls++;
            else w->k.calls_drain++;
        } else {
            w->k.errors++;
        }
    } else if (kind == K_TRIG) {
        w->k.trig_done++;
        if (type == 4) w->k.errors++;
    } else if (kind == K_SCRIPT) {
        if (type == 4) w->k.script_errors++;
        const char *tx = memstr(q, (size_t)(e - q), "\"transactionId\"");
        if (type == 3 && tx) {
            tx += 15;
            while (tx < e && (*tx == ':' || *tx == ' ')) tx++;
            c->txid = atoi(tx);
        }
    }
    return conn_idle(w, c, now);
#undef SKIPWS
}

/* ------------------------------------------------------------------------ */
/* connection lifecycle                                                      */
/* ------------------------------------------------------------------------ */
static void conn_free(worker_t *w, conn_t *c) {
    if (c->fd >= 0) {
        epoll_ctl(w->ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        c->fd = -1;
    }
    free(c->in); c->in = NULL; c->in_len = c->in_cap = 0;
    free(c->msg); c->msg = NULL; c->msg_len = c->msg_cap = 0;
    free(c->out); c->out = NULL; c->out_len = c->out_off = c->out_cap = 0;
    if (c->state == ST_OPEN || c->state == ST_CLOSING) w->open--;
    c->state = ST_DEAD;
}

/* why: 0 = network error/EOF, 1 = handshake failure, 2 = timeout */
static void conn_lost(worker_t *w, conn_t *c, int why) {
    if (c->state == ST_DEAD) return;
    if (c->kind != K_NONE) {
        w->busy--;
        if (c->booted) w->k.lost_calls++;
        c->kind = K_NONE;
    }
    if (!c->booted) {
        /* failed while connecting / upgrading / booting */
        if (c->state != ST_IDLE) w->inflight--;
        if (why == 1) w->k.fail_hs++;
        else if (why == 2) w->k.fail_timeout++;
        else if (c->state == ST_CONNECTING) w->k.fail_connect++;
        else w->k.fail_closed++;
        atomic_fetch_add_explicit(&w->failed, 1, memory_order_relaxed);
    } else if (c->state != ST_CLOSING) {
        w->k.disconnects++;
    }
    conn_free(w, c);
}

static int send_handshake(worker_t *w, conn_t *c) {
    uint8_t raw[16];
    for (int i = 0; i < 2; i++) {
        uint64_t r = rng_next(&w->rng);
        memcpy(raw + 8 * i, &r, 8);
    }
    char key[32];
    b64enc(raw, 16, key);
    ws_accept_for(key, c->accept);
    char req[1024];
    const char *pre = cfg.prefix;
    while (*pre == '/') pre++;
    int n = snprintf(req, sizeof req,
                     "GET /%s-%u HTTP/1.1\r\n"
                     "Host: %s\r\n"
                     "Upgrade: websocket\r\n"
                     "Connection: Upgrade\r\n"
                     "Sec-WebSocket-Key: %s\r\n"
                     "Sec-WebSocket-Version: 13\r\n"
                     "Sec-WebSocket-Protocol: %s\r\n"
                     "User-Agent: ocpp-loadgen/1.0\r\n\r\n",
                     pre, c->gidx, cfg.hostport, key, subprotocol());
    c->state = ST_HANDSHAKE;
    return conn_write(w, c, req, (size_t)n);
}

static void start_conn(worker_t *w, conn_t *c, uint64_t now) {
    c->t_start = now;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        w->k.fail_connect++;
        atomic_fetch_add_explicit(&w->failed, 1, memory_order_relaxed);
        c->state = ST_DEAD;
        return;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c->fd = fd;
    c->state = ST_CONNECTING;
    w->inflight++;
    int r = connect(fd, (struct sockaddr *)&cfg.addr, sizeof cfg.addr);
    struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP, .data.u32 = (uint32_t)(c - w->c)};
    if (r < 0 && errno != EINPROGRESS) {
        conn_lost(w, c, 0);
        return;
    }
    c->out_armed = 1;
    epoll_ctl(w->ep, EPOLL_CTL_ADD, fd, &ev);
    if (r == 0) {
        arm_out(w, c, 0);
        send_handshake(w, c);
    }
}

static const char *find_header(const char *h, size_t hl, const char *name, size_t *vlen) {
    size_t nl = strlen(name);
    const char *p = h, *e = h + hl;
    const char *line_end = memmem(p, hl, "\r\n", 2); /* skip status line */
    if (!line_end) return NULL;
    p = line_end + 2;
    while (p < e) {
        line_end = memmem(p, (size_t)(e - p), "\r\n", 2);
        if (!line_end || line_end == p) break;
        const char *colon = memchr(p, ':', (size_t)(line_end - p));
        if (colon && (size_t)(colon - p) == nl && strncasecmp(p, name, nl) == 0) {
            const char *v = colon + 1;
            while (v < line_end && (*v == ' ' || *v == '\t')) v++;
            const char *ve = line_end;
            while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
            *vlen = (size_t)(ve - v);
            return v;
        }
        p = line_end + 2;
    }
    return NULL;
}

/* returns -1 if the connection died */
static int process_frames(worker_t *w, conn_t *c) {
    size_t pos = 0;
    while (c->state == ST_OPEN || c->state == ST_CLOSING) {
        size_t avail = c->in_len - pos;
        const uint8_t *b = (const uint8_t *)c->in + pos;
        if (avail < 2) break;
        int fin = b[0] & 0x80, op = b[0] & 0x0F, masked = b[1] & 0x80;
        uint64_t plen = b[1] & 0x7F;
        size_t hl = 2;
        if (plen == 126) {
            if (avail < 4) break;
            plen = (uint64_t)b[2] << 8 | b[3];
            hl = 4;
        } else if (plen == 127) {
            if (avail < 10) break;
            plen = 0;
            for (int i = 0; i < 8; i++) plen = plen << 8 | b[2 + i];
            hl = 10;
        }
        if (masked) hl += 4;
        if (plen > (16u << 20)) {
            conn_lost(w, c, 0);
            return -1;
        }
        if (avail < hl + plen) {
            /* make sure the buffer can hold the whole frame */
            size_t need = hl + (size_t)plen;
            if (need > c->in_cap) {
                if (pos) {
                    memmove(c->in, c->in + pos, avail);
                    c->in_len = (uint32_t)avail;
                    pos = 0;
                }
                c->in = xrealloc(c->in, need + 4096);
                c->in_cap = (uint32_t)(need + 4096);
            }
            break;
        }
        char *pl = c->in + pos + hl;
        if (masked) {
            const uint8_t *mk = b + hl - 4;
            for (uint64_t i = 0; i < plen; i++) pl[i] ^= mk[i & 3];
        }
        pos += hl + (size_t)plen;
        w->k.bytes_in += hl + plen;
        if (op >= 0x8) { /* control frame */
            if (op == 0x9) { /* ping -> pong with the same payload */
                w->k.pings++;
                if (ws_send(w, c, 0xA, pl, (size_t)plen) < 0) return -1;
            } else if (op == 0x8) { /* close */
                if (c->state != ST_CLOSING) {
                    uint8_t code[2] = {0x03, 0xE8};
                    if (plen >= 2) memcpy(code, pl, 2);
                    ws_send(w, c, 0x8, (const char *)code, 2);
                    if (c->state == ST_DEAD) return -1;
                }
                conn_lost(w, c, 0);
                return -1;
            }
            continue;
        }
        if (op == 0x0 || !fin) { /* fragmented message */
            if (op != 0x0) { c->msg_len = 0; c->msg_op = (uint8_t)op; c->in_frag = 1; }
            if (!c->in_frag) continue;
            if (c->msg_len + plen > c->msg_cap) {
                c->msg_cap = (uint32_t)(c->msg_len + plen + 1024);
                c->msg = xrealloc(c->msg, c->msg_cap);
            }
            memcpy(c->msg + c->msg_len, pl, (size_t)plen);
            c->msg_len += (uint32_t)plen;
            if (fin) {
                c->in_frag = 0;
                if (c->msg_op == 0x1 && on_message(w, c, c->msg, c->msg_len) < 0) return -1;
            }
            continue;
        }
        if (op == 0x1) {
            if (on_message(w, c, pl, (size_t)plen) < 0) return -1;
        }
        /* binary frames are ignored (OCPP-J is text only) */
    }
    if (c->state == ST_DEAD) return -1;
    if (pos) {
        memmove(c->in, c->in + pos, c->in_len - pos);
        c->in_len -= (uint32_t)pos;
    }
    return 0;
}

static int process_handshake(worker_t *w, conn_t *c, uint64_t now) {
    const char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    if (!end) {
        if (c->in_len > 16384) { conn_lost(w, c, 1); return -1; }
        return 0;
    }
    size_t hl = (size_t)(end + 4 - c->in);
    if (hl < 12 || memcmp(c->in, "HTTP/1.1 101", 12) != 0) {
        if (!cfg.quiet && w->k.fail_hs < 3) {
            const char *le = memmem(c->in, hl, "\r\n", 2);
            fprintf(stderr, "loadgen: upgrade refused: %.*s\n", (int)(le ? le - c->in : 40), c->in);
        }
        conn_lost(w, c, 1);
        return -1;
    }
    size_t vl = 0;
    const char *v = find_header(c->in, hl, "Sec-WebSocket-Accept", &vl);
    if (!v || vl != strlen(c->accept) || memcmp(v, c->accept, vl) != 0) {
        if (!cfg.quiet && w->k.fail_hs < 3) fprintf(stderr, "loadgen: bad Sec-WebSocket-Accept\n");
        conn_lost(w, c, 1);
        return -1;
    }
    v = find_header(c->in, hl, "Sec-WebSocket-Protocol", &vl);
    if (!v || vl != strlen(subprotocol()) || memcmp(v, subprotocol(), vl) != 0) w->k.noproto++;
    memmove(c->in, c->in + hl, c->in_len - hl);
    c->in_len -= (uint32_t)hl;
    c->state = ST_OPEN;
    w->open++;
    c->t_hs = now;
    hist_add(w->hs, now - c->t_start);
    if (send_boot(w, c, K_BOOT, now) < 0) return -1;
    return process_frames(w, c);
}

static void on_readable(worker_t *w, conn_t *c) {
    for (int iter = 0; iter < 8; iter++) {
        if (c->in_cap - c->in_len < 2048) {
            uint32_t nc = c->in_cap ? c->in_cap * 2 : 4096;
            c->in = xrealloc(c->in, nc);
            c->in_cap = nc;
        }
        size_t space = c->in_cap - c->in_len;
        ssize_t r = recv(c->fd, c->in + c->in_len, space, 0);
        if (r == 0) { conn_lost(w, c, 0); return; }
        if (r < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            if (errno == EINTR) continue;
            conn_lost(w, c, 0);
            return;
        }
        c->in_len += (uint32_t)r;
        int rc = (c->state == ST_HANDSHAKE) ? process_handshake(w, c, now_ns()) : process_frames(w, c);
        if (rc < 0 || c->state == ST_DEAD) return;
        if ((size_t)r < space) return;
    }
}

static void on_event(worker_t *w, conn_t *c, uint32_t ev) {
    if (c->state == ST_DEAD || c->fd < 0) return;
    if (c->state == ST_CONNECTING) {
        if (ev & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            int err = 0;
            socklen_t el = sizeof err;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
            if (err || (ev & (EPOLLERR | EPOLLHUP))) {
                if (!cfg.quiet && w->k.fail_connect < 3)
                    fprintf(stderr, "loadgen: connect: %s\n", strerror(err ? err : ECONNRESET));
                conn_lost(w, c, 0);
                return;
            }
            arm_out(w, c, 0);
            if (send_handshake(w, c) < 0) return;
        }
        return;
    }
    if (ev & EPOLLOUT) {
        if (conn_flush(w, c) < 0) return;
    }
    if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) on_readable(w, c);
}

/* drops a charger's socket at once (no close frame), as a charger that loses power or network
   does; the connection is not counted as lost by the server's doing */
static void drop_conn(worker_t *w, conn_t *c) {
    if (c->kind != K_NONE) {
        w->busy--;
        c->kind = K_NONE;
    }
    if (!c->booted && c->state != ST_IDLE && c->state != ST_DEAD) w->inflight--;
    c->trig = TR_NONE;
    conn_free(w, c);
}

/* --close-at: every charger of this worker closes its socket now */
static void storm_close(worker_t *w) {
    for (uint32_t i = 0; i < w->n; i++) {
        conn_t *c = &w->c[i];
        if (c->state == ST_DEAD || c->state == ST_IDLE) continue;
        drop_conn(w, c);
        w->k.storm_closed++;
    }
    w->stormed = 1;
}

/* --wave-every: the next chargers in turn drop their sockets and connect again at once */
static void reconnect_wave(worker_t *w, uint64_t now) {
    uint32_t size = (uint32_t)(cfg.wave_size / cfg.threads);
    if (size > w->n) size = w->n;
    for (uint32_t k = 0; k < size; k++) {
        conn_t *c = &w->c[w->wave_next];
        w->wave_next = (w->wave_next + 1) % w->n;
        if (c->state != ST_OPEN || !c->booted) continue; /* still (re)connecting from an earlier wave */
        drop_conn(w, c);
        c->booted = 0;
        c->reconnecting = 1;
        start_conn(w, c, now);
    }
}

/* ------------------------------------------------------------------------ */
/* worker thread                                                             */
/* ------------------------------------------------------------------------ */
static void check_timeouts(worker_t *w, uint64_t now, int ph) {
    uint64_t to = (uint64_t)(cfg.call_timeout * 1e9);
    for (uint32_t i = 0; i < w->next_start; i++) {
        conn_t *c = &w->c[i];
        if (c->state == ST_DEAD || c->state == ST_IDLE) continue;
        if (!c->booted) {
            if (now - c->t_start > to) conn_lost(w, c, 2);
            continue;
        }
        if (c->kind != K_NONE && now - c->t_send > to) {
            if (c->kind == K_RUN || c->kind == K_TRIG) w->k.timeouts++;
            c->kind = K_NONE;
            w->busy--;
            if (ph == PH_RUN) conn_idle(w, c, now);
        }
    }
}

static void *worker_main(void *arg) {
    worker_t *w = arg;
    struct epoll_event evs[512];
    int last_ph = PH_CONNECT;
    uint64_t last_to = now_ns(), t_close0 = 0;

    if (cfg.cpus) {
        /* pin thread i to the i-th CPU of the list (wraps) */
        int list[256], nl = 0;
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%s", cfg.cpus);
        for (char *s = strtok(tmp, ","); s && nl < 256; s = strtok(NULL, ",")) list[nl++] = atoi(s);
        if (nl) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(list[w->tid % nl], &set);
            pthread_setaffinity_np(pthread_self(), sizeof set, &set);
        }
    }

    for (;;) {
        int ph = atomic_load(&g_phase);
        uint64_t now = now_ns();

        if (ph != last_ph) {
            if (ph >= PH_RUN && last_ph == PH_CONNECT) {
                /* connect deadline passed or everyone is up: drop stragglers */
                for (uint32_t i = 0; i < w->n; i++) {
                    conn_t *c = &w->c[i];
                    if (i >= w->next_start) { w->k.not_started++; c->state = ST_DEAD; continue; }
                    if (c->state != ST_DEAD && !c->booted) conn_lost(w, c, 2);
                }
                w->next_start = w->n;
            }
            if (ph == PH_RUN) {
                uint64_t t0 = atomic_load(&g_t_run0);
                w->sent_sched = 0;
                for (uint32_t i = 0; i < w->n; i++) {
                    conn_t *c = &w->c[i];
                    if (c->state == ST_OPEN && c->booted && c->kind == K_NONE) {
                        if (cfg.rate > 0) ring_push(w, c);
                        else send_run(w, c, now_ns(), 0);
                    }
                }
                (void)t0;
            }
            if (ph == PH_CLOSE) {
                t_close0 = now;
                for (uint32_t i = 0; i < w->n; i++) {
                    conn_t *c = &w->c[i];
                    if (c->state == ST_OPEN) {
                        static const uint8_t code[2] = {0x03, 0xE8}; /* 1000 normal closure */
                        if (c->kind != K_NONE) { w->busy--; w->k.lost_calls++; c->kind = K_NONE; }
                        c->state = ST_CLOSING;
                        ws_send(w, c, 0x8, (const char *)code, 2);
                        if (c->state != ST_DEAD && c->out_len == 0) shutdown(c->fd, SHUT_WR);
                    }
                }
            }
            last_ph = ph;
        }

        if (ph == PH_RUN && atomic_load_explicit(&g_storm, memory_order_relaxed) && !w->stormed) storm_close(w);
        if (ph == PH_RUN && cfg.wave_every > 0 && !w->stormed) {
            uint64_t t0 = atomic_load(&g_t_run0);
            if (now > t0 && (now - t0) / 1e9 >= (w->waves_done + 1) * cfg.wave_every) {
                w->waves_done++;
                reconnect_wave(w, now);
            }
        }

        if (ph == PH_CONNECT) {
            uint32_t limit = w->n;
            if (cfg.ramp > 0) {
                double el = (now - g_t_connect0) / 1e9;
                uint64_t allowed = (uint64_t)(el * w->ramp_pt) + 1;
                if (allowed < limit) limit = (uint32_t)allowed;
            }
            while (w->next_start < limit && w->inflight < w->inflight_max) {
                conn_t *c = &w->c[w->next_start++];
                start_conn(w, c, now);
            }
            if (w->next_start == w->n && w->inflight == 0 && !atomic_load(&w->connect_done))
                atomic_store(&w->connect_done, 1);
        } else if (ph == PH_RUN && cfg.rate > 0) {
            uint64_t t0 = atomic_load(&g_t_run0);
            double el = (now - t0) / 1e9;
            uint64_t due = (uint64_t)(el * w->rate_pt) + 1; /* call k is due at t0 + k/rate */
            while (w->sent_sched < due && w->rn) {
                conn_t *c = &w->c[w->ring[w->rh]];
                w->rh = (w->rh + 1) % w->n;
                w->rn--;
                c->inq = 0;
                if (c->state != ST_OPEN || c->kind != K_NONE) continue;
                uint64_t sched = t0 + (uint64_t)(w->sent_sched * 1e9 / w->rate_pt);
                w->sent_sched++;
                send_run(w, c, now, sched);
            }
            if (due > w->sent_sched && due - w->sent_sched > w->k.backlog_max) w->k.backlog_max = due - w->sent_sched;
        } else if (ph == PH_DRAIN) {
            if (w->busy == 0 && !atomic_load(&w->drained)) atomic_store(&w->drained, 1);
        } else if (ph == PH_CLOSE) {
            if (w->open == 0 || now - t_close0 > (uint64_t)(cfg.close_timeout * 1e9)) break;
        } else if (ph == PH_EXIT) {
            break;
        }

        if (now - last_to > 250000000ull) {
            check_timeouts(w, now, ph);
            last_to = now;
        }

        int n;
        if (ph == PH_RUN && cfg.rate > 0 && w->rn) {
            /* sleep exactly until the next send is due (epoll_wait's 1 ms granularity would add lag) */
            uint64_t t0 = atomic_load(&g_t_run0);
            uint64_t next = t0 + (uint64_t)(w->sent_sched * 1e9 / w->rate_pt);
            uint64_t nw = now_ns();
            uint64_t d = next > nw ? next - nw : 0;
            if (d > 10000000ull) d = 10000000ull;
            struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)d};
            n = epoll_pwait2(w->ep, evs, 512, &ts, NULL);
            if (n < 0 && errno == ENOSYS) n = epoll_wait(w->ep, evs, 512, d ? (int)(d / 1000000 + 1) : 0);
        } else {
            int tmo = 10;
            if (ph == PH_CONNECT && (cfg.ramp > 0 || w->next_start < w->n)) tmo = 1;
            n = epoll_wait(w->ep, evs, 512, tmo);
        }
        for (int i = 0; i < n; i++) on_event(w, &w->c[evs[i].data.u32], evs[i].events);
    }
    for (uint32_t i = 0; i < w->n; i++) {
        conn_t *c = &w->c[i];
        if (c->state == ST_DEAD || c->state == ST_IDLE) continue;
        if (!c->booted && !c->reconnecting) { conn_lost(w, c, 2); continue; }
        if (c->kind != K_NONE) { w->busy--; w->k.lost_calls++; c->kind = K_NONE; }
        conn_free(w, c); /* closed by us: not a disconnect */
    }
    atomic_store(&w->finished, 1);
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* server process statistics (/proc)                                         */
/* ------------------------------------------------------------------------ */
static double proc_cpu_s(int pid) {
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    p += 2; /* state is field 3 */
    unsigned long long ut = 0, st = 0;
    int field = 3;
    for (char *tok = strtok(p, " "); tok; tok = strtok(NULL, " "), field++) {
        if (field == 14) ut = strtoull(tok, NULL, 10);
        if (field == 15) { st = strtoull(tok, NULL, 10); break; }
    }
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* CPU seconds the whole machine spent busy (all CPUs, /proc/stat), to see how much other work ran */
static double machine_busy_s(void) {
    FILE *f = fopen("/proc/stat", "r");
    if (!f) return -1;
    unsigned long long v[10] = {0};
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                   &v[6], &v[7], &v[8], &v[9]);
    fclose(f);
    if (n < 8) return -1;
    /* user nice system [idle] [iowait] irq softirq steal (guest time is already in user) */
    return (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / (double)sysconf(_SC_CLK_TCK);
}

static long proc_status_kb(int pid, const char *key) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    long v = -1;
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
            v = strtol(line + kl + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return v;
}


/* ------------------------------------------------------------------------ */
/* probes (--probe-ms, --api-port, --inputs-ms) and slowloris (--slowloris)  */
/* ------------------------------------------------------------------------ */
/* Each probe runs on a thread of its own with a blocking socket, so that what it measures is
   the server's answer time, not the load generator's event loops. */
typedef struct {
    hist_t *all, *storm, **iv; /* run phase; from --close-at on; per report interval */
    uint64_t failures;
} probe_stats_t;

static probe_stats_t g_probe_hb, g_probe_api, g_probe_put;
/* the probes' "storm" figures cover what they sent in this many seconds from --close-at on */
#define STORM_WINDOW_S 2.0
/* the server's CPU time is compared over this many seconds before and from --close-at on */
#define STORM_CPU_S 5.0
static _Atomic uint64_t g_storm_t; /* when --close-at fired */

static FILE *g_probe_log;
static void probe_record(probe_stats_t *ps, uint64_t sent, uint64_t now) {
    if (atomic_load(&g_phase) != PH_RUN) return;
    if (g_probe_log)
        fprintf(g_probe_log, "%.3f %s %.0f\n", ((double)sent - (double)atomic_load(&g_t_run0)) / 1e6,
                ps == &g_probe_hb ? "hb" : ps == &g_probe_api ? "api" : "put", (now - sent) / 1e3);
    hist_add(ps->all, now - sent);
    uint64_t st = atomic_load(&g_storm_t);
    if (st && sent >= st && sent - st < (uint64_t)(STORM_WINDOW_S * 1e9)) hist_add(ps->storm, now - sent);
    if (ps->iv) hist_add(ps->iv[interval_of(now)], now - sent);
}

static void sleep_until(uint64_t t) {
    uint64_t now = now_ns();
    if (t <= now) return;
    struct timespec ts = {.tv_sec = (time_t)((t - now) / 1000000000ull), .tv_nsec = (long)((t - now) % 1000000000ull)};
    nanosleep(&ts, NULL);
}

static int blocking_connect(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct timeval tv = {.tv_sec = 0, .tv_usec = 200000}; /* reads wake up to see the phase change */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = cfg.addr;
    a.sin_port = htons((uint16_t)port);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int send_all(int fd, const void *buf, size_t len) {
    const char *p = buf;
    while (len) {
        ssize_t r = send(fd, p, len, MSG_NOSIGNAL);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        len -= (size_t)r;
    }
    return 0;
}

typedef struct {
    int fd;
    char buf[1 << 16];
    size_t len;
} probe_conn_t;

/* reads more bytes; -1 on error or end of stream, 0 on timeout (the phase may have changed) */
static int probe_fill(probe_conn_t *pc) {
    if (pc->len == sizeof pc->buf) return -1;
    ssize_t r = recv(pc->fd, pc->buf + pc->len, sizeof pc->buf - pc->len, 0);
    if (r > 0) { pc->len += (size_t)r; return 1; }
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return 0;
    return -1;
}

static void probe_consume(probe_conn_t *pc, size_t n) {
    memmove(pc->buf, pc->buf + n, pc->len - n);
    pc->len -= n;
}

static int probe_ws_send(int fd, int op, const char *payload, size_t len) {
    char frame[4096 + 16];
    if (len > 4096) return -1;
    size_t hl = 2;
    frame[0] = (char)(0x80 | op);
    if (len < 126) frame[1] = (char)(0x80 | len);
    else { frame[1] = (char)(0x80 | 126); frame[2] = (char)(len >> 8); frame[3] = (char)len; hl = 4; }
    memset(frame + hl, 0, 4); /* a zero mask: the frame is masked as RFC 6455 asks, the payload unchanged */
    memcpy(frame + hl + 4, payload, len);
    return send_all(fd, frame, hl + 4 + len);
}

/* The probe charger: answers what the server asks until the answer to `id` arrives. */
static int probe_await(probe_conn_t *pc, const char *id, int *want_status) {
    uint64_t deadline = now_ns() + (uint64_t)(cfg.call_timeout * 1e9);
    for (;;) {
        while (pc->len >= 2) {
            uint8_t *b = (uint8_t *)pc->buf;
            size_t plen = b[1] & 0x7F, hl = 2;
            if (plen == 126) {
                if (pc->len < 4) break;
                plen = (size_t)b[2] << 8 | b[3];
                hl = 4;
            } else if (plen == 127) {
                return -1; /* never sent to a probe */
            }
            if (pc->len < hl + plen) break;
            int op = b[0] & 0x0F;
            char msg[4096 + 1];
            size_t ml = plen < 4096 ? plen : 4096;
            memcpy(msg, pc->buf + hl, ml);
            msg[ml] = 0;
            probe_consume(pc, hl + plen);
            if (op == 0x9) { if (probe_ws_send(pc->fd, 0xA, msg, ml) < 0) return -1; continue; }
            if (op == 0x8) return -1;
            if (op != 0x1) continue;
            /* [type,"id",...] */
            const char *q = strchr(msg, '"');
            if (!q) continue;
            const char *qe = strchr(q + 1, '"');
            if (!qe) continue;
            int type = atoi(msg + 1);
            if (type == 2) {
                const char *a = strchr(qe + 1, '"'), *ae = a ? strchr(a + 1, '"') : NULL;
                if (!ae) continue;
                const char *res = NULL;
                for (size_t i = 0; i < sizeof RESULTS / sizeof RESULTS[0]; i++)
                    if (strlen(RESULTS[i].action) == (size_t)(ae - a - 1) && !memcmp(RESULTS[i].action, a + 1, (size_t)(ae - a - 1)))
                        res = RESULTS[i].result;
                if (res && !strncmp(a + 1, "TriggerMessage\"", 15)) {
                    if (strstr(ae, "\"StatusNotification\"")) *want_status = 1;
                    else res = "{\"status\":\"Rejected\"}";
                }
                char out[4096];
                int n = res ? snprintf(out, sizeof out, "[3,\"%.*s\",%s]", (int)(qe - q - 1), q + 1, res)
                            : snprintf(out, sizeof out, "[4,\"%.*s\",\"NotImplemented\",\"\",{}]", (int)(qe - q - 1), q + 1);
                if (probe_ws_send(pc->fd, 0x1, out, (size_t)n) < 0) return -1;
                continue;
            }
            if ((type == 3 || type == 4) && (size_t)(qe - q - 1) == strlen(id) && !memcmp(q + 1, id, strlen(id)))
                return type == 3 ? 0 : -2;
        }
        if (now_ns() > deadline) return -3;
        if (probe_fill(pc) < 0) return -1;
    }
}

static void *probe_heartbeat_main(void *arg) {
    (void)arg;
    static probe_conn_t pc;
    unsigned seq = 0;
    while (atomic_load(&g_phase) <= PH_RUN) {
        pc.len = 0;
        pc.fd = blocking_connect(cfg.port);
        if (pc.fd < 0) { g_probe_hb.failures++; usleep(100000); continue; }
        char req[512];
        int n = snprintf(req, sizeof req,
                         "GET /%s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n",
                         cfg.probe_id, cfg.hostport);
        int ok = send_all(pc.fd, req, (size_t)n) == 0;
        char *end = NULL;
        while (ok && !(end = memmem(pc.buf, pc.len, "\r\n\r\n", 4))) ok = probe_fill(&pc) >= 0;
        if (!ok || strncmp(pc.buf, "HTTP/1.1 101", 12) != 0) {
            g_probe_hb.failures++;
            close(pc.fd);
            usleep(100000);
            continue;
        }
        probe_consume(&pc, (size_t)(end + 4 - pc.buf));
        int want_status = 0;
        char id[32], call[512];
        snprintf(id, sizeof id, "p%u", ++seq);
        n = snprintf(call, sizeof call,
                     "[2,\"%s\",\"BootNotification\",{\"chargePointVendor\":\"OcppLoadGen\",\"chargePointModel\":\"probe\"}]", id);
        ok = probe_ws_send(pc.fd, 0x1, call, (size_t)n) == 0 && probe_await(&pc, id, &want_status) == 0;
        uint64_t next = now_ns();
        while (ok && atomic_load(&g_phase) <= PH_RUN) {
            if (want_status) {
                want_status = 0;
                snprintf(id, sizeof id, "p%u", ++seq);
                n = snprintf(call, sizeof call,
                             "[2,\"%s\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}]", id);
                if (probe_ws_send(pc.fd, 0x1, call, (size_t)n) < 0 || probe_await(&pc, id, &want_status) != 0) break;
            }
            sleep_until(next);
            next += (uint64_t)(cfg.probe_ms * 1e6);
            snprintf(id, sizeof id, "p%u", ++seq);
            n = snprintf(call, sizeof call, "[2,\"%s\",\"Heartbeat\",{}]", id);
            uint64_t sent = now_ns();
            if (probe_ws_send(pc.fd, 0x1, call, (size_t)n) < 0) break;
            int r = probe_await(&pc, id, &want_status);
            if (r != 0) { g_probe_hb.failures++; if (r == -1) break; continue; }
            probe_record(&g_probe_hb, sent, now_ns());
            if (now_ns() > next) next = now_ns(); /* late: no catch-up burst */
        }
        close(pc.fd);
        if (atomic_load(&g_phase) <= PH_RUN) g_probe_hb.failures++;
    }
    return NULL;
}

/* one HTTP request on a keep-alive connection; returns the status code, or -1 */
static int http_exchange(probe_conn_t *pc, const char *req, size_t len) {
    if (send_all(pc->fd, req, len) < 0) return -1;
    char *end;
    while (!(end = memmem(pc->buf, pc->len, "\r\n\r\n", 4)))
        if (probe_fill(pc) < 0) return -1;
    size_t hl = (size_t)(end + 4 - pc->buf);
    int status = pc->len > 12 ? atoi(pc->buf + 9) : -1;
    size_t body = 0;
    char *cl = memmem(pc->buf, hl, "Content-Length:", 15);
    if (cl) body = (size_t)strtoul(cl + 15, NULL, 10);
    if (hl + body > sizeof pc->buf) return -1;
    while (pc->len < hl + body)
        if (probe_fill(pc) < 0) return -1;
    probe_consume(pc, hl + body);
    return status;
}

static void *probe_api_main(void *arg) {
    (void)arg;
    static probe_conn_t pc;
    pc.fd = -1;
    uint64_t next = now_ns(), next_put = next;
    double step = cfg.probe_ms > 0 ? cfg.probe_ms : cfg.inputs_ms;
    unsigned puts = 0;
    while (atomic_load(&g_phase) <= PH_RUN) {
        if (pc.fd < 0) {
            pc.len = 0;
            pc.fd = blocking_connect(cfg.api_port);
            if (pc.fd < 0) { g_probe_api.failures++; usleep(100000); continue; }
        }
        sleep_until(next);
        next += (uint64_t)(step * 1e6);
        uint64_t now = now_ns();
        if (now > next) next = now;
        char req[512];
        int n, status;
        if (cfg.inputs_ms > 0 && now >= next_put) {
            next_put += (uint64_t)(cfg.inputs_ms * 1e6);
            if (now > next_put) next_put = now;
            /* the grid swings between import and export over a minute, like clouds over solar panels */
            double watts = -1500 + 4000 * sin(2 * M_PI * (double)puts++ * cfg.inputs_ms / 60000.0);
            char body[128];
            int bl = snprintf(body, sizeof body, "{\"grid.power\": %.0f}", watts);
            n = snprintf(req, sizeof req,
                         "PUT /api/inputs HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
                         cfg.host, bl, body);
            uint64_t sent = now_ns();
            status = http_exchange(&pc, req, (size_t)n);
            if (status == 200) probe_record(&g_probe_put, sent, now_ns());
            else g_probe_put.failures++;
            if (status < 0) { close(pc.fd); pc.fd = -1; continue; }
        }
        if (cfg.probe_ms > 0) {
            n = snprintf(req, sizeof req, "GET /api/health HTTP/1.1\r\nHost: %s\r\n\r\n", cfg.host);
            uint64_t sent = now_ns();
            status = http_exchange(&pc, req, (size_t)n);
            if (status == 200) probe_record(&g_probe_api, sent, now_ns());
            else g_probe_api.failures++;
            if (status < 0) { close(pc.fd); pc.fd = -1; }
        }
    }
    if (pc.fd >= 0) close(pc.fd);
    return NULL;
}

/* --slowloris: opened at the start of the run phase, closed at --close-at (or at the end) */
static _Atomic int g_slow_open;
static double g_slow_open_s, g_slow_close_s;
static void *slowloris_main(void *arg) {
    (void)arg;
    int *fds = xmalloc(sizeof(int) * (size_t)cfg.slowloris);
    while (atomic_load(&g_phase) < PH_RUN) usleep(1000);
    uint64_t t0 = now_ns();
    int n = 0;
    for (int i = 0; i < cfg.slowloris && atomic_load(&g_phase) == PH_RUN && !atomic_load(&g_storm); i++) {
        int fd = blocking_connect(cfg.port);
        if (fd < 0) break;
        char req[256];
        int len = snprintf(req, sizeof req, "GET /slow-%d HTTP/1.1\r\nHost: %s\r\n", i, cfg.hostport);
        send_all(fd, req, (size_t)len);
        fds[n++] = fd;
        atomic_store(&g_slow_open, n);
    }
    g_slow_open_s = (now_ns() - t0) / 1e9;
    while (atomic_load(&g_phase) == PH_RUN && !atomic_load(&g_storm)) usleep(1000);
    uint64_t tc = now_ns();
    for (int i = 0; i < n; i++) close(fds[i]);
    g_slow_close_s = (now_ns() - tc) / 1e9;
    free(fds);
    return NULL;
}


/* ------------------------------------------------------------------------ */
/* the table of --report-every                                               */
/* ------------------------------------------------------------------------ */
typedef struct {
    double cpu;       /* the server's CPU seconds at the start of the interval */
    uint64_t t;       /* the start of the interval */
    uint64_t errors, reconnects;
    long log_offset;  /* bytes of --log-file counted so far; -1 before the first row */
    uint64_t log_lines;
} report_state_t;

/* CALLERRORs, timeouts, lost connections and failed (re)connections so far, over all workers
   (read while the workers run: a figure may be a moment old, never wrong by more) */
static uint64_t errors_so_far(uint64_t *reconnects) {
    uint64_t e = 0, r = 0;
    for (int t = 0; t < cfg.threads; t++) {
        counters_t *k = &W[t].k;
        e += __atomic_load_n(&k->errors, __ATOMIC_RELAXED) + __atomic_load_n(&k->timeouts, __ATOMIC_RELAXED) +
             __atomic_load_n(&k->disconnects, __ATOMIC_RELAXED) + __atomic_load_n(&k->script_errors, __ATOMIC_RELAXED) +
             __atomic_load_n(&k->fail_connect, __ATOMIC_RELAXED) + __atomic_load_n(&k->fail_hs, __ATOMIC_RELAXED) +
             __atomic_load_n(&k->fail_timeout, __ATOMIC_RELAXED) + __atomic_load_n(&k->fail_closed, __ATOMIC_RELAXED);
        r += __atomic_load_n(&k->reconnects, __ATOMIC_RELAXED);
    }
    e += g_probe_hb.failures + g_probe_api.failures + g_probe_put.failures;
    *reconnects = r;
    return e;
}

/* lines added to the log file since the last call */
static uint64_t count_log_lines(report_state_t *rs) {
    if (!cfg.log_file) return 0;
    FILE *f = fopen(cfg.log_file, "r");
    if (!f) return 0;
    if (rs->log_offset > 0) fseek(f, rs->log_offset, SEEK_SET);
    char buf[65536];
    size_t n;
    uint64_t lines = 0;
    long read = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        for (size_t i = 0; i < n; i++) lines += buf[i] == '\n';
        read += (long)n;
    }
    fclose(f);
    rs->log_offset = (rs->log_offset > 0 ? rs->log_offset : 0) + read;
    return lines;
}

static void report_header(report_state_t *rs) {
    rs->errors = errors_so_far(&rs->reconnects);
    rs->log_lines = count_log_lines(rs); /* lines before the run phase are not in the table */
    printf("%7s %8s %7s %8s %8s %8s %9s %9s %9s %9s %8s %7s %6s %8s %6s %10s\n", "t_s", "calls", "rate/s", "p50_ms",
           "p99_ms", "max_ms", "hb_p99", "hb_max", "api_p99", "api_max", "put_p99", "errors", "reconn", "rss_mb",
           "cpu%", "log_lines");
    fflush(stdout);
}

static void report_row(report_state_t *rs, int k, uint64_t now) {
    hist_t *h = hist_new();
    for (int t = 0; t < cfg.threads; t++) hist_merge(h, W[t].lat_iv[k]);
    hist_t *hb = g_probe_hb.iv[k], *api = g_probe_api.iv[k], *put = g_probe_put.iv[k];
    double secs = (now - rs->t) / 1e9;
    uint64_t reconnects, errors = errors_so_far(&reconnects);
    double cpu = cfg.server_pid > 0 ? proc_cpu_s(cfg.server_pid) : -1;
    long rss = cfg.server_pid > 0 ? proc_status_kb(cfg.server_pid, "VmRSS") : -1;
    uint64_t lines = count_log_lines(rs);
    printf("%7.0f %8" PRIu64 " %7.0f %8.2f %8.2f %8.1f %9.2f %9.1f %9.2f %9.1f %8.2f %7" PRIu64 " %6" PRIu64
           " %8.1f %6.0f %10" PRIu64 "\n",
           (now - atomic_load(&g_t_run0)) / 1e9, h->count, secs > 0 ? h->count / secs : 0, hist_pct(h, 50) / 1e6,
           hist_pct(h, 99) / 1e6, h->max / 1e6, hist_pct(hb, 99) / 1e6, hb->max / 1e6, hist_pct(api, 99) / 1e6,
           api->max / 1e6, hist_pct(put, 99) / 1e6, errors - rs->errors, reconnects - rs->reconnects, rss / 1024.0,
           cpu >= 0 && rs->cpu >= 0 && secs > 0 ? 100 * (cpu - rs->cpu) / secs : -1, lines);
    fflush(stdout);
    free(h);
    rs->errors = errors;
    rs->reconnects = reconnects;
    rs->cpu = cpu;
    rs->t = now;
}

/* ------------------------------------------------------------------------ */
/* main                                                                      */
/* ------------------------------------------------------------------------ */
static void usage(void) {
    fprintf(stderr,
            "usage: loadgen [options]\n"
            "  -H, --host HOST          server address (default 127.0.0.1)\n"
            "  -p, --port PORT          server port (default 9000)\n"
            "      --prefix P           URL path prefix; charger i uses /P-<i> (default LG)\n"
            "  -c, --connections N      connections / chargers (default 100)\n"
            "  -t, --threads N          event-loop threads (default: online CPUs)\n"
            "  -d, --duration S         run-phase seconds (default 10)\n"
            "      --rate R             cap the total CALL rate at R calls/s (open loop); default closed loop\n"
            "      --ramp R             open at most R new connections per second (default: no cap)\n"
            "      --inflight N         max handshakes+boots in flight (default 64)\n"
            "      --meter              run-phase CALL is MeterValues (4 sampled values)\n"
            "      --status             run-phase CALL is StatusNotification\n"
            "                           (default: Heartbeat)\n"
            "      --full-config        answer GetConfiguration with a realistic key set (incl. RemoteTrigger)\n"
            "      --connect-timeout S  deadline for the connect phase (default 120)\n"
            "      --call-timeout S     a CALL unanswered this long counts as a timeout (default 30)\n"
            "      --drain S            max wait for outstanding CALLs after the run phase (default 5)\n"
            "      --close-timeout S    max wait for close handshakes (default 3)\n"
            "      --server-pid PID     sample the server's CPU time and RSS from /proc\n"
            "      --cpus LIST          pin worker threads to these CPUs (e.g. 1 or 0,1)\n"
            "  -q, --quiet              no progress output on stderr\n"
            "Ampwise additions (see the top of the file):\n"
            "      --charging           after each boot: StatusNotification Charging and, once, StartTransaction\n"
            "      --mix                run-phase CALLs: MeterValues, some StatusNotification changes, Heartbeats\n"
            "      --close-at S         S s into the run phase every charger drops its socket (a disconnect storm)\n"
            "      --slowloris N        N connections that never finish their upgrade, from the run phase's start\n"
            "      --wave-every S       every S s, --wave-size N chargers drop their sockets and reconnect\n"
            "      --wave-size N        chargers per reconnection wave (default 10%% of -c)\n"
            "      --ocpp201            the chargers speak OCPP 2.0.1 (not with --charging)\n"
            "      --probe-ms MS        a probe charger (--probe-id, default probe-1) sends a Heartbeat every MS ms;\n"
            "                           with --api-port, GET /api/health every MS ms too\n"
            "      --api-port P         the server's HTTP API port (probes and --inputs-ms)\n"
            "      --inputs-ms MS       PUT /api/inputs {\"grid.power\": W} every MS ms (with --api-port)\n"
            "      --report-every S     print a table line every S s of the run phase\n"
            "      --log-file FILE      count the lines the server added to FILE in each table line\n"
            "      --probe-log FILE     every probe measurement: ms into the run phase, probe, round trip in us\n"
            "      --selftest           check SHA-1/base64/histogram and exit\n");
    exit(2);
}

static int selftest(void) {
    char acc[32];
    ws_accept_for("dGhlIHNhbXBsZSBub25jZQ==", acc);
    int ok = strcmp(acc, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") == 0;
    printf("sha1/base64 RFC 6455 example: %s (%s)\n", ok ? "ok" : "FAIL", acc);
    uint8_t d[20];
    sha1((const uint8_t *)"abc", 3, d);
    char hex[41];
    for (int i = 0; i < 20; i++) sprintf(hex + 2 * i, "%02x", d[i]);
    int ok2 = strcmp(hex, "a9993e364706816aba3e25717850c26c9cd0d89d") == 0;
    printf("sha1(abc): %s\n", ok2 ? "ok" : "FAIL");
    const char *l = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha1((const uint8_t *)l, strlen(l), d);
    for (int i = 0; i < 20; i++) sprintf(hex + 2 * i, "%02x", d[i]);
    int ok3 = strcmp(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1") == 0;
    printf("sha1(448-bit msg): %s\n", ok3 ? "ok" : "FAIL");
    hist_t *h = hist_new();
    for (uint64_t v = 1; v <= 1000000; v++) hist_add(h, v * 1000);
    int ok4 = 1;
    double ps[] = {50, 90, 99, 99.9};
    for (int i = 0; i < 4; i++) {
        double exp = ps[i] / 100.0 * 1e9, got = (double)hist_pct(h, ps[i]);
        double err = fabs(got - exp) / exp;
        printf("hist p%g: %.0f vs %.0f (err %.3f%%)\n", ps[i], got, exp, err * 100);
        if (err > 0.01) ok4 = 0;
    }
    for (int i = 0; i < H_N - 1; i++)
        if (h_idx(h_upper(i)) != i || h_idx(h_upper(i) + 1) != i + 1) { ok4 = 0; printf("bucket %d broken\n", i); break; }
    free(h);
    return (ok && ok2 && ok3 && ok4) ? 0 : 1;
}

int main(int argc, char **argv) {
    cfg.host = "127.0.0.1";
    cfg.port = 9000;
    cfg.prefix = "LG";
    cfg.conns = 100;
    cfg.threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    cfg.duration = 10;
    cfg.inflight = 64;
    cfg.connect_timeout = 120;
    cfg.call_timeout = 30;
    cfg.drain_timeout = 5;
    cfg.close_timeout = 3;

    enum { O_PREFIX = 1000, O_RATE, O_RAMP, O_INFLIGHT, O_METER, O_STATUS, O_FULLCFG, O_CTO, O_CALLTO, O_DRAIN,
           O_CLOSETO, O_SPID, O_CPUS, O_SELFTEST, O_CHARGING, O_MIX, O_CLOSEAT, O_SLOW, O_WAVEEVERY, O_WAVESIZE,
           O_PROBEMS, O_PROBEID, O_APIPORT, O_INPUTSMS, O_REPORT, O_LOGFILE, O_PROBELOG, O_OCPP201 };
    static struct option opts[] = {
        {"host", required_argument, 0, 'H'},       {"port", required_argument, 0, 'p'},
        {"prefix", required_argument, 0, O_PREFIX}, {"connections", required_argument, 0, 'c'},
        {"threads", required_argument, 0, 't'},    {"duration", required_argument, 0, 'd'},
        {"rate", required_argument, 0, O_RATE},    {"ramp", required_argument, 0, O_RAMP},
        {"inflight", required_argument, 0, O_INFLIGHT}, {"meter", no_argument, 0, O_METER},
        {"status", no_argument, 0, O_STATUS},      {"full-config", no_argument, 0, O_FULLCFG},
        {"connect-timeout", required_argument, 0, O_CTO}, {"call-timeout", required_argument, 0, O_CALLTO},
        {"drain", required_argument, 0, O_DRAIN},  {"close-timeout", required_argument, 0, O_CLOSETO},
        {"server-pid", required_argument, 0, O_SPID}, {"cpus", required_argument, 0, O_CPUS},
        {"quiet", no_argument, 0, 'q'},            {"selftest", no_argument, 0, O_SELFTEST},
        {"help", no_argument, 0, 'h'},             {"charging", no_argument, 0, O_CHARGING},
        {"mix", no_argument, 0, O_MIX},            {"close-at", required_argument, 0, O_CLOSEAT},
        {"slowloris", required_argument, 0, O_SLOW}, {"wave-every", required_argument, 0, O_WAVEEVERY},
        {"wave-size", required_argument, 0, O_WAVESIZE}, {"probe-ms", required_argument, 0, O_PROBEMS},
        {"probe-id", required_argument, 0, O_PROBEID}, {"api-port", required_argument, 0, O_APIPORT},
        {"inputs-ms", required_argument, 0, O_INPUTSMS}, {"report-every", required_argument, 0, O_REPORT},
        {"log-file", required_argument, 0, O_LOGFILE}, {"probe-log", required_argument, 0, O_PROBELOG},
        {"ocpp201", no_argument, 0, O_OCPP201},    {0, 0, 0, 0}};
    int o;
    while ((o = getopt_long(argc, argv, "H:p:c:t:d:qh", opts, NULL)) != -1) {
        switch (o) {
        case 'H': cfg.host = optarg; break;
        case 'p': cfg.port = atoi(optarg); break;
        case O_PREFIX: cfg.prefix = optarg; break;
        case 'c': cfg.conns = atoi(optarg); break;
        case 't': cfg.threads = atoi(optarg); break;
        case 'd': cfg.duration = atof(optarg); break;
        case O_RATE: cfg.rate = atof(optarg); break;
        case O_RAMP: cfg.ramp = atof(optarg); break;
        case O_INFLIGHT: cfg.inflight = atoi(optarg); break;
        case O_METER: cfg.mode = MODE_METER; break;
        case O_STATUS: cfg.mode = MODE_STATUS; break;
        case O_FULLCFG: cfg.full_config = 1; break;
        case O_CTO: cfg.connect_timeout = atof(optarg); break;
        case O_CALLTO: cfg.call_timeout = atof(optarg); break;
        case O_DRAIN: cfg.drain_timeout = atof(optarg); break;
        case O_CLOSETO: cfg.close_timeout = atof(optarg); break;
        case O_SPID: cfg.server_pid = atoi(optarg); break;
        case O_CPUS: cfg.cpus = optarg; break;
        case 'q': cfg.quiet = 1; break;
        case O_SELFTEST: return selftest();
        case O_CHARGING: cfg.charging = 1; break;
        case O_MIX: cfg.mix = 1; break;
        case O_CLOSEAT: cfg.close_at = atof(optarg); break;
        case O_SLOW: cfg.slowloris = atoi(optarg); break;
        case O_WAVEEVERY: cfg.wave_every = atof(optarg); break;
        case O_WAVESIZE: cfg.wave_size = atoi(optarg); break;
        case O_PROBEMS: cfg.probe_ms = atof(optarg); break;
        case O_PROBEID: cfg.probe_id = optarg; break;
        case O_APIPORT: cfg.api_port = atoi(optarg); break;
        case O_INPUTSMS: cfg.inputs_ms = atof(optarg); break;
        case O_REPORT: cfg.report_every = atof(optarg); break;
        case O_LOGFILE: cfg.log_file = optarg; break;
        case O_PROBELOG: cfg.probe_log = optarg; break;
        case O_OCPP201: cfg.ocpp201 = 1; break;
        default: usage();
        }
    }
    if (cfg.conns < 1 || cfg.threads < 1 || cfg.port < 1 || cfg.port > 65535 || cfg.duration < 0 || cfg.inflight < 1 ||
        cfg.rate < 0 || cfg.ramp < 0 || cfg.duration > 86400 || cfg.connect_timeout <= 0 || cfg.call_timeout <= 0)
        usage();
    if (cfg.threads > cfg.conns) cfg.threads = cfg.conns;
    if (cfg.close_at < 0 || cfg.slowloris < 0 || cfg.wave_every < 0 || cfg.wave_size < 0 || cfg.probe_ms < 0 ||
        cfg.api_port < 0 || cfg.api_port > 65535 || cfg.inputs_ms < 0 || cfg.report_every < 0 ||
        (cfg.inputs_ms > 0 && cfg.api_port == 0) || (cfg.ocpp201 && cfg.charging))
        usage();
    if (!cfg.probe_id) cfg.probe_id = "probe-1";
    if (cfg.probe_log && !(g_probe_log = fopen(cfg.probe_log, "w"))) die("cannot write --probe-log");
    if (cfg.wave_every > 0 && cfg.wave_size == 0) cfg.wave_size = cfg.conns / 10;
    if (cfg.wave_size < cfg.threads && cfg.wave_every > 0) cfg.wave_size = cfg.threads;

    /* resolve the server address (IPv4) */
    memset(&cfg.addr, 0, sizeof cfg.addr);
    cfg.addr.sin_family = AF_INET;
    cfg.addr.sin_port = htons((uint16_t)cfg.port);
    if (inet_pton(AF_INET, cfg.host, &cfg.addr.sin_addr) != 1) {
        struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *res;
        if (getaddrinfo(cfg.host, NULL, &hints, &res) != 0) die("cannot resolve host");
        cfg.addr.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
        freeaddrinfo(res);
    }
    snprintf(cfg.hostport, sizeof cfg.hostport, "%s:%d", cfg.host, cfg.port);
    {
        struct timespec rt;
        clock_gettime(CLOCK_REALTIME, &rt);
        struct tm tm;
        gmtime_r(&rt.tv_sec, &tm);
        strftime(cfg.ts, sizeof cfg.ts, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    }

    /* file descriptors: one per connection plus slack */
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rlim_t want = (rlim_t)cfg.conns + (rlim_t)cfg.slowloris + 64;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= want ? want : rl.rlim_max;
        if (rl.rlim_cur < want && rl.rlim_max < want) {
            rl.rlim_max = want; /* needs CAP_SYS_RESOURCE; try anyway */
            rl.rlim_cur = want;
        }
        if (setrlimit(RLIMIT_NOFILE, &rl) != 0) {
            getrlimit(RLIMIT_NOFILE, &rl);
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_NOFILE, &rl);
            fprintf(stderr, "loadgen: warning: fd limit is %llu, fewer than %d connections may open\n",
                    (unsigned long long)rl.rlim_cur, cfg.conns);
        }
    }
    signal(SIGPIPE, SIG_IGN);
    prctl(PR_SET_TIMERSLACK, 1000UL); /* 1 us timer slack (default 50 us) for the paced sends */

    const char *mode_name = cfg.mix                     ? "mixed (MeterValues, StatusNotification, Heartbeat)"
                            : cfg.mode == MODE_METER    ? "MeterValues"
                            : cfg.mode == MODE_STATUS   ? "StatusNotification"
                                                        : "Heartbeat";
    printf("ocpp-loadgen: ws://%s/%s-<i>  conns=%d threads=%d call=%s %s duration=%.1fs", cfg.hostport, cfg.prefix,
           cfg.conns, cfg.threads, mode_name, cfg.rate > 0 ? "open-loop" : "closed-loop", cfg.duration);
    if (cfg.rate > 0) printf(" rate=%.0f/s", cfg.rate);
    if (cfg.ramp > 0) printf(" ramp=%.0f/s", cfg.ramp);
    printf(" inflight=%d\n", cfg.inflight);
    fflush(stdout);

    /* distribute connections: worker t gets global indices t, t+T, t+2T, ... */
    W = calloc((size_t)cfg.threads, sizeof *W);
    uint64_t seed;
    if (getrandom(&seed, sizeof seed, 0) != sizeof seed) seed = now_ns() ^ (uint64_t)getpid();
    for (int t = 0; t < cfg.threads; t++) {
        worker_t *w = &W[t];
        w->tid = t;
        w->n = (uint32_t)((cfg.conns - t + cfg.threads - 1) / cfg.threads);
        w->c = calloc(w->n, sizeof(conn_t));
        w->ring = calloc(w->n, sizeof(uint32_t));
        if (!w->c || !w->ring) die("out of memory");
        for (uint32_t i = 0; i < w->n; i++) {
            w->c[i].fd = -1;
            w->c[i].gidx = (uint32_t)(t + (int)i * cfg.threads);
            snprintf(w->c[i].status, sizeof w->c[i].status, "Available");
        }
        w->ep = epoll_create1(EPOLL_CLOEXEC);
        if (w->ep < 0) die("epoll_create1 failed");
        w->inflight_max = (uint32_t)(cfg.inflight / cfg.threads);
        if (w->inflight_max < 1) w->inflight_max = 1;
        w->ramp_pt = cfg.ramp / cfg.threads;
        w->rate_pt = cfg.rate / cfg.threads;
        w->rng = seed + 0x1234567ull * (uint64_t)(t + 1);
        w->lat = hist_new(); w->lat_sched = hist_new(); w->hs = hist_new(); w->boot = hist_new();
        w->conn_total = hist_new();
    }
    /* one histogram per report interval (the last one also takes the drain) */
    int intervals = cfg.report_every > 0 ? (int)ceil(cfg.duration / cfg.report_every) + 1 : 1;
    atomic_store(&g_intervals, intervals);
    probe_stats_t *all_probes[] = {&g_probe_hb, &g_probe_api, &g_probe_put};
    for (int i = 0; i < 3; i++) {
        all_probes[i]->all = hist_new();
        all_probes[i]->storm = hist_new();
        all_probes[i]->iv = xmalloc(sizeof(hist_t *) * (size_t)intervals);
        for (int k = 0; k < intervals; k++) all_probes[i]->iv[k] = hist_new();
    }
    for (int t = 0; t < cfg.threads && cfg.report_every > 0; t++) {
        W[t].lat_iv = xmalloc(sizeof(hist_t *) * (size_t)intervals);
        for (int k = 0; k < intervals; k++) W[t].lat_iv[k] = hist_new();
    }
    pthread_t probe_hb_th, probe_api_th, slow_th;
    if (cfg.probe_ms > 0) pthread_create(&probe_hb_th, NULL, probe_heartbeat_main, NULL);
    if (cfg.api_port > 0 && (cfg.probe_ms > 0 || cfg.inputs_ms > 0)) pthread_create(&probe_api_th, NULL, probe_api_main, NULL);
    if (cfg.slowloris > 0) pthread_create(&slow_th, NULL, slowloris_main, NULL);

    double srv_cpu0 = -1, srv_cpu1 = -1, srv_cpu2 = -1;
    long srv_rss_conn = -1, srv_rss_end = -1, srv_hwm = -1;
    if (cfg.server_pid > 0) srv_cpu0 = proc_cpu_s(cfg.server_pid);

    g_t_connect0 = now_ns();
    for (int t = 0; t < cfg.threads; t++)
        if (pthread_create(&W[t].th, NULL, worker_main, &W[t]) != 0) die("pthread_create failed");

    /* ---- connect phase ---- */
    uint64_t deadline = g_t_connect0 + (uint64_t)(cfg.connect_timeout * 1e9);
    uint64_t last_print = g_t_connect0;
    int timed_out = 0;
    for (;;) {
        int done = 1;
        for (int t = 0; t < cfg.threads; t++) done &= atomic_load(&W[t].connect_done);
        uint64_t now = now_ns();
        if (done) break;
        if (now > deadline) { timed_out = 1; break; }
        if (!cfg.quiet && now - last_print > 1000000000ull) {
            uint32_t est = 0, fl = 0;
            for (int t = 0; t < cfg.threads; t++) { est += atomic_load(&W[t].est); fl += atomic_load(&W[t].failed); }
            fprintf(stderr, "  connecting: %u established, %u failed, %.1f s\n", est, fl, (now - g_t_connect0) / 1e9);
            last_print = now;
        }
        usleep(2000);
    }
    uint64_t t_connected = now_ns();
    double connect_s = (t_connected - g_t_connect0) / 1e9;
    if (cfg.server_pid > 0) {
        srv_cpu1 = proc_cpu_s(cfg.server_pid);
        srv_rss_conn = proc_status_kb(cfg.server_pid, "VmRSS");
    }

    /* ---- run phase ---- */
    double self_cpu0 = cpu_self_s(), busy0 = machine_busy_s();
    uint64_t t0 = now_ns();
    atomic_store(&g_t_run0, t0);
    atomic_store(&g_phase, PH_RUN);
    uint64_t t_end = t0 + (uint64_t)(cfg.duration * 1e9);
    uint64_t t_storm = cfg.close_at > 0 ? t0 + (uint64_t)(cfg.close_at * 1e9) : 0;
    /* the server's CPU time in the STORM_CPU_S before the storm and in the STORM_CPU_S from it on */
    double storm_cpu0 = -1, before_cpu0 = -1, storm_cpu1 = -1;
    uint64_t t_before = t_storm > t0 + (uint64_t)(STORM_CPU_S * 1e9) ? t_storm - (uint64_t)(STORM_CPU_S * 1e9) : t0;
    int next_row = 0;
    report_state_t rs = {.cpu = srv_cpu1, .t = t0, .log_offset = -1};
    if (cfg.report_every > 0) report_header(&rs);
    while (now_ns() < t_end) {
        uint64_t now = now_ns();
        if (t_storm && now >= t_before && before_cpu0 < 0 && cfg.server_pid > 0) before_cpu0 = proc_cpu_s(cfg.server_pid);
        if (t_storm && now >= t_storm + (uint64_t)(STORM_CPU_S * 1e9) && storm_cpu1 < 0 && cfg.server_pid > 0)
            storm_cpu1 = proc_cpu_s(cfg.server_pid);
        if (t_storm && now >= t_storm && !atomic_load(&g_storm)) {
            if (cfg.server_pid > 0) storm_cpu0 = proc_cpu_s(cfg.server_pid);
            atomic_store(&g_storm_t, now);
            atomic_store(&g_storm, 1);
        }
        if (cfg.report_every > 0 && now >= t0 + (uint64_t)((next_row + 1) * cfg.report_every * 1e9)) {
            report_row(&rs, next_row, now);
            next_row++;
        }
        uint64_t left = t_end - now_ns();
        usleep(left > 10000000ull ? 10000 : (useconds_t)(left / 1000 + 1));
    }
    uint64_t t1 = now_ns();
    if (cfg.report_every > 0 && next_row < intervals - 1 && t1 > rs.t + 1000000000ull) report_row(&rs, next_row, t1);
    atomic_store(&g_t_run1, t1);
    atomic_store(&g_phase, PH_DRAIN);
    double self_cpu1 = cpu_self_s(), busy1 = machine_busy_s();
    if (cfg.server_pid > 0) {
        srv_cpu2 = proc_cpu_s(cfg.server_pid);

        srv_rss_end = proc_status_kb(cfg.server_pid, "VmRSS");
        srv_hwm = proc_status_kb(cfg.server_pid, "VmHWM");
    }
    double run_s = (t1 - t0) / 1e9;

    /* ---- drain ---- */
    uint64_t dl = now_ns() + (uint64_t)(cfg.drain_timeout * 1e9);
    while (now_ns() < dl) {
        int done = 1;
        for (int t = 0; t < cfg.threads; t++) done &= atomic_load(&W[t].drained);
        if (done) break;
        usleep(2000);
    }
    /* ---- close ---- */
    atomic_store(&g_phase, PH_CLOSE);
    uint64_t cl = now_ns() + (uint64_t)((cfg.close_timeout + 2) * 1e9);
    for (;;) {
        int done = 1;
        for (int t = 0; t < cfg.threads; t++) done &= atomic_load(&W[t].finished);
        if (done || now_ns() > cl) break;
        usleep(5000);
    }
    atomic_store(&g_phase, PH_EXIT);
    for (int t = 0; t < cfg.threads; t++) pthread_join(W[t].th, NULL);
    if (cfg.probe_ms > 0) pthread_join(probe_hb_th, NULL);
    if (cfg.api_port > 0 && (cfg.probe_ms > 0 || cfg.inputs_ms > 0)) pthread_join(probe_api_th, NULL);
    if (cfg.slowloris > 0) pthread_join(slow_th, NULL);

    /* ---- report ---- */
    counters_t K = {0};
    hist_t *lat = hist_new(), *lat_sched = hist_new(), *hs = hist_new(), *boot = hist_new(), *ct = hist_new();
    uint64_t est = 0;
    for (int t = 0; t < cfg.threads; t++) {
        worker_t *w = &W[t];
        uint64_t *src = (uint64_t *)&w->k, *dst = (uint64_t *)&K;
        for (size_t i = 0; i < sizeof(counters_t) / sizeof(uint64_t); i++) dst[i] += src[i];
        est += atomic_load(&w->est);
        hist_merge(lat, w->lat); hist_merge(lat_sched, w->lat_sched); hist_merge(hs, w->hs); hist_merge(boot, w->boot);
        hist_merge(ct, w->conn_total);
    }
    uint64_t failed = K.fail_connect + K.fail_hs + K.fail_timeout + K.fail_closed + K.not_started;
    printf("connect phase: %" PRIu64 " established, %" PRIu64 " failed (connect %" PRIu64 ", upgrade %" PRIu64
           ", timeout %" PRIu64 ", closed %" PRIu64 ", not started %" PRIu64 ") in %.3f s (%.0f conn/s)%s\n",
           est, failed, K.fail_connect, K.fail_hs, K.fail_timeout, K.fail_closed, K.not_started, connect_s,
           connect_s > 0 ? est / connect_s : 0, timed_out ? "  [connect deadline hit]" : "");
    if (K.noproto) printf("  WARNING: %" PRIu64 " upgrades without Sec-WebSocket-Protocol: %s\n", K.noproto, subprotocol());
    if (K.boot_rejected || K.boot_errors)
        printf("  BootNotification not Accepted: %" PRIu64 ", answered with CALLERROR: %" PRIu64 "\n", K.boot_rejected,
               K.boot_errors);
    hist_print("TCP+upgrade", hs);
    hist_print("BootNotification round trip", boot);
    hist_print("connect+upgrade+boot", ct);
    double rps = run_s > 0 ? K.calls / run_s : 0;
    printf("run phase: %.2f s, %s %s: %" PRIu64 " CALLRESULTs (%.0f calls/s)", run_s, mode_name,
           cfg.rate > 0 ? "open-loop" : "closed-loop", K.calls, rps);
    if (cfg.rate > 0) printf(" target %.0f/s", cfg.rate);
    printf("\n  CALLERRORs %" PRIu64 ", timeouts %" PRIu64 ", disconnects %" PRIu64 ", lost in-flight %" PRIu64
           ", answered in drain %" PRIu64 ", stray/unmatched %" PRIu64 "\n",
           K.errors, K.timeouts, K.disconnects, K.lost_calls, K.calls_drain, K.stray);
    hist_print("CALL round trip", lat);
    if (cfg.rate > 0) {
        hist_print("from scheduled send time", lat_sched);
        if (K.backlog_max > 1) printf("  rate backlog: up to %" PRIu64 " calls behind schedule\n", K.backlog_max);
    }
    if (cfg.probe_ms > 0 || cfg.inputs_ms > 0) {
        hist_print("probe Heartbeat (run phase)", g_probe_hb.all);
        hist_print("probe GET /api/health", g_probe_api.all);
        if (cfg.inputs_ms > 0) hist_print("PUT /api/inputs", g_probe_put.all);
        if (cfg.close_at > 0) {
            hist_print("probe Heartbeat, storm + 2 s", g_probe_hb.storm);
            hist_print("probe /api/health, storm + 2 s", g_probe_api.storm);
        }
        printf("  probe failures: Heartbeat %" PRIu64 ", API %" PRIu64 ", inputs %" PRIu64 "\n", g_probe_hb.failures,
               g_probe_api.failures, g_probe_put.failures);
    }
    if (cfg.charging || cfg.wave_every > 0)
        printf("charging script errors %" PRIu64 ", reconnections %" PRIu64 "\n", K.script_errors, K.reconnects);
    if (cfg.close_at > 0) {
        printf("storm at %.1f s: %" PRIu64 " chargers and %d slowloris connections closed their sockets; server CPU in "
               "the %.0f s before: %.2f s, in the %.0f s from then on: %.2f s\n",
               cfg.close_at, K.storm_closed, atomic_load(&g_slow_open), STORM_CPU_S,
               before_cpu0 >= 0 && storm_cpu0 >= 0 ? storm_cpu0 - before_cpu0 : -1, STORM_CPU_S,
               storm_cpu1 >= 0 ? storm_cpu1 - storm_cpu0 : -1);
    }
    if (cfg.slowloris > 0)
        printf("slowloris: %d connections opened in %.2f s, closed in %.3f s\n", atomic_load(&g_slow_open), g_slow_open_s,
               g_slow_close_s);
    printf("server-initiated CALLs answered: %" PRIu64 " (NotImplemented: %" PRIu64 "), pings answered: %" PRIu64
           ", triggered messages sent: %" PRIu64 "\n",
           K.srv_calls, K.srv_calls_unknown, K.pings, K.trig_sent);
    double self_cpu = self_cpu1 - self_cpu0;
    printf("loadgen CPU during run: %.2f s (%.0f%% of one core); bytes out %" PRIu64 ", in %" PRIu64 "\n", self_cpu,
           run_s > 0 ? 100 * self_cpu / run_s : 0, K.bytes_out, K.bytes_in);
    double srv_cpu_run = -1, srv_cpu_conn = -1;
    if (cfg.server_pid > 0 && srv_cpu2 >= 0 && srv_cpu1 >= 0) srv_cpu_run = srv_cpu2 - srv_cpu1;
    double busy = (busy0 >= 0 && busy1 >= 0) ? busy1 - busy0 : -1;
    double other = busy - self_cpu - (srv_cpu_run > 0 ? srv_cpu_run : 0);
    if (busy >= 0)
        printf("machine during run: %.2f CPU-s busy of %.2f available (%ld CPUs); not loadgen%s: %.2f CPU-s\n", busy,
               run_s * sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_NPROCESSORS_ONLN), cfg.server_pid > 0 ? "/server" : "",
               other);
    if (cfg.server_pid > 0) {
        if (srv_cpu1 >= 0 && srv_cpu0 >= 0) srv_cpu_conn = srv_cpu1 - srv_cpu0;
        printf("server pid %d: CPU connect phase %.2f s, run phase %.2f s (%.0f%% of one core); VmRSS after connect %.1f MB, "
               "at end of run %.1f MB, VmHWM %.1f MB\n",
               cfg.server_pid, srv_cpu_conn, srv_cpu_run, run_s > 0 ? 100 * srv_cpu_run / run_s : 0,
               srv_rss_conn / 1024.0, srv_rss_end / 1024.0, srv_hwm / 1024.0);
    }
    printf("RESULT conns=%d ok=%" PRIu64 " calls=%" PRIu64 " rps=%.0f p50_us=%.0f p99_us=%.0f errors=%" PRIu64
           " disconnects=%" PRIu64 " p90_us=%.0f max_us=%.0f timeouts=%" PRIu64 " failed=%" PRIu64
           " connect_s=%.3f conn_p99_us=%.0f",
           cfg.conns, est, K.calls, rps, hist_pct(lat, 50) / 1e3, hist_pct(lat, 99) / 1e3, K.errors, K.disconnects,
           hist_pct(lat, 90) / 1e3, lat->max / 1e3, K.timeouts, failed, connect_s, hist_pct(ct, 99) / 1e3);
    if (cfg.rate > 0) printf(" sched_p99_us=%.0f", hist_pct(lat_sched, 99) / 1e3);
    if (cfg.probe_ms > 0)
        printf(" hb_p99_us=%.0f hb_max_us=%.0f api_p99_us=%.0f api_max_us=%.0f", hist_pct(g_probe_hb.all, 99) / 1e3,
               g_probe_hb.all->max / 1e3, hist_pct(g_probe_api.all, 99) / 1e3, g_probe_api.all->max / 1e3);
    if (cfg.close_at > 0)
        printf(" storm_hb_p99_us=%.0f storm_hb_max_us=%.0f storm_api_p99_us=%.0f storm_api_max_us=%.0f storm_cpu_s=%.2f"
               " before_cpu_s=%.2f",
               hist_pct(g_probe_hb.storm, 99) / 1e3, g_probe_hb.storm->max / 1e3, hist_pct(g_probe_api.storm, 99) / 1e3,
               g_probe_api.storm->max / 1e3, storm_cpu1 >= 0 ? storm_cpu1 - storm_cpu0 : -1,
               before_cpu0 >= 0 && storm_cpu0 >= 0 ? storm_cpu0 - before_cpu0 : -1);
    printf(" drained=%" PRIu64 " lost=%" PRIu64 " pings=%" PRIu64 " srv_calls=%" PRIu64, K.calls_drain, K.lost_calls, K.pings,
           K.srv_calls);
    printf(" lg_cpu_s=%.2f busy_cpu_s=%.2f other_cpu_s=%.2f", self_cpu, busy, other);
    if (cfg.server_pid > 0)
        printf(" srv_cpu_conn_s=%.2f srv_cpu_run_s=%.2f srv_rss_conn_kb=%ld srv_rss_kb=%ld srv_hwm_kb=%ld", srv_cpu_conn,
               srv_cpu_run, srv_rss_conn, srv_rss_end, srv_hwm);
    printf("\n");
    return est > 0 ? 0 : 1;
}
