"""The browser upload on S3 (moto's server standing in for MinIO): `skillfolio up` with SKILLFOLIO_S3_* set hands the
page a POST policy form, upload.js posts it (fields first, the file last) straight to the bucket, and the media
worker's thumbnail comes back as a presigned S3 URL the page may load (its policy admits the store's origin)."""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from e2e_platform import Platform, platform_env, running, time_for
from PIL import Image, ImageDraw
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration, time_for()]
PROCESSING_TIMEOUT_MS = 180_000          # the media role on a busy CI machine


@pytest.fixture()
def s3_platform(tmp_path, fresh_amqp_url, s3_endpoint) -> Iterator[Platform]:
    """`skillfolio up` in a temp dir with free ports, its own RabbitMQ vhost and a fresh bucket on the S3 endpoint."""
    env = platform_env(tmp_path, fresh_amqp_url, SKILLFOLIO_S3_ENDPOINT=s3_endpoint.endpoint,
                       SKILLFOLIO_S3_ACCESS_KEY=s3_endpoint.access_key, SKILLFOLIO_S3_SECRET_KEY=s3_endpoint.secret_key,
                       SKILLFOLIO_S3_SECURE=str(s3_endpoint.secure), SKILLFOLIO_S3_BUCKET=f"e2e-{uuid.uuid4().hex[:12]}")
    with running(tmp_path, env) as platform:
        yield platform


def test_an_image_uploads_as_the_post_form_to_the_bucket_and_its_thumbnail_loads(s3_platform, browser, tmp_path,
                                                                                  s3_endpoint):
    picture = tmp_path / "kite.png"
    image = Image.new("RGB", (640, 480), (240, 240, 250))
    ImageDraw.Draw(image).polygon([(320, 60), (520, 240), (320, 420), (120, 240)], fill=(200, 40, 60))
    image.save(picture)
    title = f"Kite sketch {uuid.uuid4().hex[:6]}"
    bucket = s3_platform.env["SKILLFOLIO_S3_BUCKET"]

    context = browser.new_context(base_url=s3_platform.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    username, password = s3_platform.login("student")
    page.goto("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Open my portfolio").click()
    page.get_by_role("link", name="Add artifact", exact=True).click()
    page.get_by_label("File").set_input_files(str(picture))
    page.get_by_label("Title").fill(title)
    page.locator('input[name="skill_ids"]').first.check()
    store_url = f"http://{s3_endpoint.endpoint}/{bucket}"
    with page.expect_response(lambda r: r.url == store_url and r.request.method == "POST") as posted:
        page.get_by_role("button", name="Add artifact").click()
    response = posted.value
    assert response.status == 204, response.text()
    assert response.request.headers["content-type"].startswith("multipart/form-data; boundary=")

    expect(page).to_have_url(re.compile(r"/artifacts/(?!new$)[^/]+$"), timeout=30_000)
    preview = page.locator(".preview img")
    expect(preview).to_be_visible(timeout=PROCESSING_TIMEOUT_MS)
    served = f"http://{s3_endpoint.endpoint}/{bucket}/checked/artifacts/"   # only the checked copy is served
    assert preview.get_attribute("src").startswith(served)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=preview.element_handle())
    context.close()
