"""Models the analysis detectors load: the MiniLM encoder and the harm heads (see MODEL_CARD.md)."""
