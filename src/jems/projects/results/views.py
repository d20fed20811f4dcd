"""C.5 results and C.6 time plan pages."""
