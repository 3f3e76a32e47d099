//! Placeholder module, replaced by the authoring tests.
