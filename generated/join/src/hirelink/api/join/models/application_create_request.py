from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.application_source import ApplicationSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application_document import ApplicationDocument
    from ..models.new_candidate import NewCandidate


T = TypeVar("T", bound="ApplicationCreateRequest")


@_attrs_define
class ApplicationCreateRequest:
    """
    Attributes:
        job_id (int):
        candidate (NewCandidate):
        source (ApplicationSource | Unset): The channel the candidate came from. Whether it is required is not known;
            the one commercial integration always sends it (`ORGANIC` by default).
        integration_external_id (str | Unset): Your own reference for the application, for tracing it back.
        documents (list[ApplicationDocument] | Unset):
    """

    job_id: int
    candidate: NewCandidate
    source: ApplicationSource | Unset = UNSET
    integration_external_id: str | Unset = UNSET
    documents: list[ApplicationDocument] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        candidate = self.candidate.to_dict()

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        integration_external_id = self.integration_external_id

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jobId": job_id,
                "candidate": candidate,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source
        if integration_external_id is not UNSET:
            field_dict["integrationExternalId"] = integration_external_id
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.application_document import ApplicationDocument
        from ..models.new_candidate import NewCandidate

        d = dict(src_dict)
        job_id = d.pop("jobId")

        candidate = NewCandidate.from_dict(d.pop("candidate"))

        _source = d.pop("source", UNSET)
        source: ApplicationSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = ApplicationSource(_source)

        integration_external_id = d.pop("integrationExternalId", UNSET)

        _documents = d.pop("documents", UNSET)
        documents: list[ApplicationDocument] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = ApplicationDocument.from_dict(documents_item_data)

                documents.append(documents_item)

        application_create_request = cls(
            job_id=job_id,
            candidate=candidate,
            source=source,
            integration_external_id=integration_external_id,
            documents=documents,
        )

        return application_create_request
