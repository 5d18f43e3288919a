"""URL handling: only urllib.parse is provided (tulip has no network access
of its own)."""
