"""The annex upload/download round trip against an in-process S3-compatible fake (moto server)."""

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from jems.projects.files import services
from jems.projects.files.models import FileCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_storage(settings):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}
    boto3.client("s3", endpoint_url=endpoint, **credentials).create_bucket(Bucket="jems-test")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": "jems-test", "endpoint_url": endpoint, "access_key": "test", "secret_key": "test",
            "region_name": "us-east-1"}},
    }
    yield boto3.client("s3", endpoint_url=endpoint, **credentials)
    server.stop()


def test_round_trip_on_s3(s3_storage, applicant, project, api_as, django_capture_on_commit_callbacks):
    item = services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                           upload=SimpleUploadedFile("plan.txt", b"stored in S3"))
    objects = s3_storage.list_objects_v2(Bucket="jems-test")["Contents"]
    assert [o["Key"] for o in objects] == [item.storage_path]
    response = api_as(applicant).get(f"/api/project/{project.pk}/file/download/{item.pk}")
    assert response.status_code == 200 and response.content == b"stored in S3"
    with django_capture_on_commit_callbacks(execute=True):
        services.delete(actor=applicant, project_id=project.pk, file_id=item.pk)
    assert s3_storage.list_objects_v2(Bucket="jems-test").get("KeyCount") == 0
