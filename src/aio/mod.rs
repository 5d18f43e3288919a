//! The machinery of concurrency: the GIL that lets several OS threads run
//! Python code one at a time.

pub mod gil;
