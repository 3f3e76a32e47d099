//! Placeholder module, replaced by the review tests.
