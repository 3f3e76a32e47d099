//! Comparator: claims → findings (overlaps and conflicts). Pure: no IO.
