#!/usr/bin/env python3
"""A plain static server for the search benchmark: python3's http.server (no compression, so bytes
are what a plain host sends) plus single byte ranges (RFC 9110 `Range: bytes=a-b` -> 206), which
static hosts (GitHub Pages, Netlify, Cloudflare Pages, S3, nginx) all honour and the search page's
passages need. Anything else (several ranges, unsatisfiable ones) gets the whole file, as allowed.

    python3 bench/range_server.py PORT DIRECTORY
"""
import functools
import http.server
import os
import re
import sys

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        match = RANGE.match(self.headers.get("Range", "").strip())
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path) or match.group(0) == "bytes=-":
            return super().send_head()
        size = os.path.getsize(path)
        first, last = match.groups()
        if first == "":
            first, last = max(0, size - int(last)), size - 1
        else:
            first, last = int(first), min(size - 1, int(last) if last else size - 1)
        if first > last or first >= size:
            return super().send_head()
        f = open(path, "rb")
        f.seek(first)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.range_left = last - first + 1
        return f

    def copyfile(self, source, outputfile):
        left = getattr(self, "range_left", None)
        if left is None:
            return super().copyfile(source, outputfile)
        while left > 0:
            chunk = source.read(min(left, 64 * 1024))
            if not chunk:
                break
            outputfile.write(chunk)
            left -= len(chunk)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
