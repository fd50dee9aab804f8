"""Images of a post: safe loading, faces, text (OCR), metadata, and redacted copies.

Detectors call ``image_infos(inp)``; the pieces are in their own modules:
``load`` (guards against bad files), ``faces``, ``ocr``, ``metadata``, ``redact``.
"""

from socialguard.analysis.images.info import ImageInfo, image_infos, inspect_image, resolve_image

__all__ = ["ImageInfo", "image_infos", "inspect_image", "resolve_image"]
