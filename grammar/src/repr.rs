//! PLACEHOLDER (dump helper replaces): Python reprs of literals.
