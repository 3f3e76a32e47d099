//! Built-in extractors: quantities, ranks, comparatives and years read from token slices.
