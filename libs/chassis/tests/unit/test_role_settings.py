"""A role's platform settings are refused at start, naming each missing variable, for what the role needs: the media
store (S3 endpoint, bucket and keys on S3; the URL secret on the filesystem), and the principal keys."""
from __future__ import annotations

import pytest

from chassis.config import ConfigurationError, Need, role_settings

CLEAN = ("SKILLFOLIO_S3_ENDPOINT", "SKILLFOLIO_S3_ACCESS_KEY", "SKILLFOLIO_S3_SECRET_KEY", "SKILLFOLIO_MEDIA_STORE",
         "SKILLFOLIO_MEDIA_URL_SECRET", "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY", "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY")


@pytest.fixture(autouse=True)
def bare_environment(monkeypatch):
    for name in CLEAN:
        monkeypatch.delenv(name, raising=False)


def test_a_media_role_on_s3_without_its_keys_is_refused_naming_them(monkeypatch):
    monkeypatch.setenv("SKILLFOLIO_S3_ENDPOINT", "minio:9000")
    with pytest.raises(ConfigurationError) as refused:
        role_settings(Need.MEDIA_STORE)
    assert "SKILLFOLIO_S3_ACCESS_KEY is not set" in str(refused.value)
    assert "SKILLFOLIO_S3_SECRET_KEY is not set" in str(refused.value)
    monkeypatch.setenv("SKILLFOLIO_S3_ACCESS_KEY", "app")
    monkeypatch.setenv("SKILLFOLIO_S3_SECRET_KEY", "secret")
    assert role_settings(Need.MEDIA_STORE).uses_s3


def test_choosing_s3_without_an_endpoint_is_refused(monkeypatch):
    monkeypatch.setenv("SKILLFOLIO_MEDIA_STORE", "s3")
    with pytest.raises(ConfigurationError, match="SKILLFOLIO_S3_ENDPOINT is not set"):
        role_settings(Need.MEDIA_STORE)


def test_the_filesystem_store_needs_its_url_secret_and_no_endpoint(monkeypatch):
    with pytest.raises(ConfigurationError, match="SKILLFOLIO_MEDIA_URL_SECRET is not set"):
        role_settings(Need.MEDIA_URLS)
    monkeypatch.setenv("SKILLFOLIO_MEDIA_URL_SECRET", "x" * 48)
    assert not role_settings(Need.MEDIA_STORE).uses_s3
    monkeypatch.setenv("SKILLFOLIO_MEDIA_STORE", "filesystem")
    monkeypatch.setenv("SKILLFOLIO_S3_ENDPOINT", "minio:9000")
    with pytest.raises(ConfigurationError, match="SKILLFOLIO_S3_ENDPOINT is set but SKILLFOLIO_MEDIA_STORE"):
        role_settings(Need.MEDIA_STORE)


def test_the_gateway_on_s3_needs_no_url_secret_nor_s3_keys(monkeypatch):
    monkeypatch.setenv("SKILLFOLIO_S3_ENDPOINT", "minio:9000")
    monkeypatch.setenv("SKILLFOLIO_PRINCIPAL_PRIVATE_KEY", "pem")
    assert role_settings(Need.SIGN_PRINCIPALS, Need.MEDIA_URLS).s3_endpoint == "minio:9000"


def test_every_missing_principal_key_is_named_at_once():
    with pytest.raises(ConfigurationError) as refused:
        role_settings(Need.VERIFY_PRINCIPALS, Need.SIGN_PRINCIPALS)
    assert "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY is not set" in str(refused.value)
    assert "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY is not set" in str(refused.value)


def test_a_malformed_value_is_named_by_its_variable(monkeypatch):
    monkeypatch.setenv("SKILLFOLIO_MEDIA_STORE", "ftp")
    with pytest.raises(ConfigurationError, match="SKILLFOLIO_MEDIA_STORE: Input should be"):
        role_settings()
