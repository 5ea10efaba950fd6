"""Choose the blob store adapter from the platform settings: S3/MinIO, or the filesystem store of the embedded default.

Apart from the port (blobstore.py) so that the port never imports its adapters (fs_store.py, s3_store.py import it).
"""
from __future__ import annotations

from chassis.config import PlatformSettings
from chassis.media.blobstore import BlobStore


def blob_store_from_settings(settings: PlatformSettings, *, url_secret: bytes | None = None,
                             public_base_url: str = "") -> BlobStore:
    """The S3 adapter when ``SKILLFOLIO_S3_ENDPOINT`` is set (URLs signed for ``SKILLFOLIO_S3_PUBLIC_ENDPOINT``
    where set), else the filesystem store under ``var_dir/media``.

    ``url_secret`` signs the filesystem store's URLs (the gateway must hold the same secret to serve them);
    ``public_base_url`` "" makes them relative (``/media/...``), served by the gateway that served the page.
    """
    if settings.s3_endpoint:
        from chassis.media.s3_store import S3BlobStore
        return S3BlobStore.from_settings(settings, public_endpoint=settings.s3_public_endpoint)
    from chassis.media.fs_store import FilesystemBlobStore
    if not url_secret:
        raise ValueError("the filesystem blob store needs a URL signing secret shared with the gateway")
    return FilesystemBlobStore(settings.var_dir / "media", url_secret, public_base_url=public_base_url)
