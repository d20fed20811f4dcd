"""Check & Submit page."""
