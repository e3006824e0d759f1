//! The 27 federative units (UF): 26 states and the Distrito Federal.
