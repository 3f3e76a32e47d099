//! Placeholder module, replaced by the robustness tests.
