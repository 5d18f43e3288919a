//! PLACEHOLDER (validate helper replaces): post-parse checks.
