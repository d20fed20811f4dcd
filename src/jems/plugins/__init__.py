"""Plugin system: hook specifications, the registry of built-in and external plugins, enable/disable, runs."""
