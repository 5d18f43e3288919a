//! PLACEHOLDER (grammar helper replaces): f-string splitting.
