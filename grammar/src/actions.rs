//! PLACEHOLDER (grammar helper replaces): helpers the grammar actions call.
