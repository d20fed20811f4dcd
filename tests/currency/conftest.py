from tests.nuts.fileserver import file_server  # noqa: F401
