"""A local HTTP server in a thread that serves files from a folder (never the internet)."""

import functools
import http.server
import threading
from pathlib import Path

import pytest


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class FileServer:
    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(Quiet, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def put(self, name: str, content: bytes | str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return f"{self.url}/{name}"


@pytest.fixture
def file_server(tmp_path):
    server = FileServer(tmp_path / "served")
    server.root.mkdir()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
