from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.application_source import ApplicationSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationCreateRequest")


@_attrs_define
class ApplicationCreateRequest:
    """
    Attributes:
        job_id (int):
        candidate (NewCandidate):
        source (ApplicationSource | Unset): The channel the candidate came from. The one commercial integration always
            sends it (`ORGANIC` by default); that it may be left out is assumed.
        integration_external_id (str | Unset): Your own reference for the application, for tracing it back.
        documents (list[ApplicationDocument] | Unset):
    """

    job_id: int
    candidate: NewCandidate
    source: ApplicationSource | Unset = UNSET
    integration_external_id: str | Unset = UNSET
    documents: list[ApplicationDocument] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        job_id = src_dict["jobId"]
        candidate = NewCandidate.from_dict(src_dict["candidate"])
        _source = _src_get("source", UNSET)
        source: ApplicationSource | Unset = (
            UNSET if _source is UNSET else ApplicationSource(_source)
        )
        integration_external_id = _src_get("integrationExternalId", UNSET)
        _documents = _src_get("documents", UNSET)
        documents: list[ApplicationDocument] | Unset = (
            UNSET
            if _documents is UNSET
            else list(map(ApplicationDocument.from_dict, _documents))
        )
        _instance_ = cls(
            job_id,
            candidate,
            source,
            integration_external_id,
            documents,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.application_document import ApplicationDocument
from ..models.new_candidate import NewCandidate
