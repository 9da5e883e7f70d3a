"""A local HTTP server that answers GET requests with JSON, for the tests whose peer is a web
service: a meter or Home Assistant (test_sources.py), a tariff provider (test_prices.py)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JSONServer:
    """Serves on a free loopback port from a thread of its own. `answer(path, headers)` returns
    `(status, document)`: `document` goes out as JSON with a 200, any other status with an empty
    body. `requests` counts the requests answered, `connections` the connections accepted. It
    answers in HTTP/1.0 (one request per connection), or with `keep_alive` in HTTP/1.1, which
    keeps each connection open for the next request."""

    def __init__(self, answer, keep_alive: bool = False):
        self.requests = 0
        self.connections = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def setup(self):
                owner.connections += 1
                super().setup()

            def do_GET(self):
                owner.requests += 1
                status, document = answer(self.path, self.headers)
                body = json.dumps(document).encode() if status == 200 else b""
                self.send_response(status)
                if status == 200:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
