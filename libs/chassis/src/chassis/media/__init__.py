"""Media for every service: the blob store port and its adapters, and pure checks/processing of uploads.

Bytes never pass through the services: clients use presigned URLs; a media worker validates afterwards.
"""
from chassis.media.blobstore import MULTIPART, POST, PUT, BlobNotFound, BlobStat, BlobStore, UploadTarget
from chassis.media.naming import InvalidKey, content_disposition, validate_key
from chassis.media.stores import blob_store_from_settings

__all__ = ["MULTIPART", "POST", "PUT", "BlobNotFound", "BlobStat", "BlobStore", "InvalidKey", "UploadTarget",
           "blob_store_from_settings", "content_disposition", "validate_key"]
