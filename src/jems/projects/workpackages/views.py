"""C.4 work plan pages."""
