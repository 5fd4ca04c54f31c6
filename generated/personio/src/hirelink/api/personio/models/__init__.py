"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .application import Application
    from .application_attribute import ApplicationAttribute
    from .application_envelope import ApplicationEnvelope
    from .application_file import ApplicationFile
    from .application_file_category import ApplicationFileCategory
    from .application_list import ApplicationList
    from .application_request import ApplicationRequest
    from .candidate import Candidate
    from .candidate_application import CandidateApplication
    from .candidate_envelope import CandidateEnvelope
    from .candidate_list import CandidateList
    from .candidate_reference import CandidateReference
    from .category import Category
    from .category_envelope import CategoryEnvelope
    from .category_list import CategoryList
    from .custom_phase import CustomPhase
    from .document_upload_request import DocumentUploadRequest
    from .hiring_team_member import HiringTeamMember
    from .hiring_team_member_person import HiringTeamMemberPerson
    from .hiring_team_member_role import HiringTeamMemberRole
    from .id_name import IdName
    from .job import Job
    from .job_company import JobCompany
    from .job_envelope import JobEnvelope
    from .job_list import JobList
    from .job_reference import JobReference
    from .link import Link
    from .list_links import ListLinks
    from .list_meta import ListMeta
    from .list_persons_status import ListPersonsStatus
    from .local_date_time import LocalDateTime
    from .o_auth_2_error import OAuth2Error
    from .o_auth_2_error_meta import OAuth2ErrorMeta
    from .o_auth_2_token import OAuth2Token
    from .person import Person
    from .person_custom_attribute import PersonCustomAttribute
    from .person_employments_item import PersonEmploymentsItem
    from .person_link_meta import PersonLinkMeta
    from .person_link_meta_links import PersonLinkMetaLinks
    from .person_list import PersonList
    from .person_meta import PersonMeta
    from .person_meta_links import PersonMetaLinks
    from .person_profile_picture import PersonProfilePicture
    from .revoke_request import RevokeRequest
    from .stage import Stage
    from .stage_transition import StageTransition
    from .stage_transition_list import StageTransitionList
    from .system_phase import SystemPhase
    from .system_phase_id import SystemPhaseId
    from .token_request import TokenRequest
    from .token_request_grant_type import TokenRequestGrantType
    from .uploaded_document import UploadedDocument
    from .v1_error import V1Error
    from .v1_error_item import V1ErrorItem
    from .v1_error_reason import V1ErrorReason
    from .v1_error_reason_context import V1ErrorReasonContext
    from .v2_error import V2Error
    from .v2_error_item import V2ErrorItem
    from .v2_error_item_meta import V2ErrorItemMeta
    from .webhook import Webhook
    from .webhook_auth_type import WebhookAuthType
    from .webhook_create import WebhookCreate
    from .webhook_event import WebhookEvent
    from .webhook_event_list import WebhookEventList
    from .webhook_event_payload import WebhookEventPayload
    from .webhook_header import WebhookHeader
    from .webhook_list import WebhookList
    from .webhook_status import WebhookStatus
    from .webhook_update import WebhookUpdate

_MODULE_OF = {
    "Application": ".application",
    "ApplicationAttribute": ".application_attribute",
    "ApplicationEnvelope": ".application_envelope",
    "ApplicationFile": ".application_file",
    "ApplicationFileCategory": ".application_file_category",
    "ApplicationList": ".application_list",
    "ApplicationRequest": ".application_request",
    "Candidate": ".candidate",
    "CandidateApplication": ".candidate_application",
    "CandidateEnvelope": ".candidate_envelope",
    "CandidateList": ".candidate_list",
    "CandidateReference": ".candidate_reference",
    "Category": ".category",
    "CategoryEnvelope": ".category_envelope",
    "CategoryList": ".category_list",
    "CustomPhase": ".custom_phase",
    "DocumentUploadRequest": ".document_upload_request",
    "HiringTeamMember": ".hiring_team_member",
    "HiringTeamMemberPerson": ".hiring_team_member_person",
    "HiringTeamMemberRole": ".hiring_team_member_role",
    "IdName": ".id_name",
    "Job": ".job",
    "JobCompany": ".job_company",
    "JobEnvelope": ".job_envelope",
    "JobList": ".job_list",
    "JobReference": ".job_reference",
    "Link": ".link",
    "ListLinks": ".list_links",
    "ListMeta": ".list_meta",
    "ListPersonsStatus": ".list_persons_status",
    "LocalDateTime": ".local_date_time",
    "OAuth2Error": ".o_auth_2_error",
    "OAuth2ErrorMeta": ".o_auth_2_error_meta",
    "OAuth2Token": ".o_auth_2_token",
    "Person": ".person",
    "PersonCustomAttribute": ".person_custom_attribute",
    "PersonEmploymentsItem": ".person_employments_item",
    "PersonLinkMeta": ".person_link_meta",
    "PersonLinkMetaLinks": ".person_link_meta_links",
    "PersonList": ".person_list",
    "PersonMeta": ".person_meta",
    "PersonMetaLinks": ".person_meta_links",
    "PersonProfilePicture": ".person_profile_picture",
    "RevokeRequest": ".revoke_request",
    "Stage": ".stage",
    "StageTransition": ".stage_transition",
    "StageTransitionList": ".stage_transition_list",
    "SystemPhase": ".system_phase",
    "SystemPhaseId": ".system_phase_id",
    "TokenRequest": ".token_request",
    "TokenRequestGrantType": ".token_request_grant_type",
    "UploadedDocument": ".uploaded_document",
    "V1Error": ".v1_error",
    "V1ErrorItem": ".v1_error_item",
    "V1ErrorReason": ".v1_error_reason",
    "V1ErrorReasonContext": ".v1_error_reason_context",
    "V2Error": ".v2_error",
    "V2ErrorItem": ".v2_error_item",
    "V2ErrorItemMeta": ".v2_error_item_meta",
    "Webhook": ".webhook",
    "WebhookAuthType": ".webhook_auth_type",
    "WebhookCreate": ".webhook_create",
    "WebhookEvent": ".webhook_event",
    "WebhookEventList": ".webhook_event_list",
    "WebhookEventPayload": ".webhook_event_payload",
    "WebhookHeader": ".webhook_header",
    "WebhookList": ".webhook_list",
    "WebhookStatus": ".webhook_status",
    "WebhookUpdate": ".webhook_update",
}


if (
    not TYPE_CHECKING
):  # type checkers read the imports above: a misspelt name is an error

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


__all__ = (
    "Application",
    "ApplicationAttribute",
    "ApplicationEnvelope",
    "ApplicationFile",
    "ApplicationFileCategory",
    "ApplicationList",
    "ApplicationRequest",
    "Candidate",
    "CandidateApplication",
    "CandidateEnvelope",
    "CandidateList",
    "CandidateReference",
    "Category",
    "CategoryEnvelope",
    "CategoryList",
    "CustomPhase",
    "DocumentUploadRequest",
    "HiringTeamMember",
    "HiringTeamMemberPerson",
    "HiringTeamMemberRole",
    "IdName",
    "Job",
    "JobCompany",
    "JobEnvelope",
    "JobList",
    "JobReference",
    "Link",
    "ListLinks",
    "ListMeta",
    "ListPersonsStatus",
    "LocalDateTime",
    "OAuth2Error",
    "OAuth2ErrorMeta",
    "OAuth2Token",
    "Person",
    "PersonCustomAttribute",
    "PersonEmploymentsItem",
    "PersonLinkMeta",
    "PersonLinkMetaLinks",
    "PersonList",
    "PersonMeta",
    "PersonMetaLinks",
    "PersonProfilePicture",
    "RevokeRequest",
    "Stage",
    "StageTransition",
    "StageTransitionList",
    "SystemPhase",
    "SystemPhaseId",
    "TokenRequest",
    "TokenRequestGrantType",
    "UploadedDocument",
    "V1Error",
    "V1ErrorItem",
    "V1ErrorReason",
    "V1ErrorReasonContext",
    "V2Error",
    "V2ErrorItem",
    "V2ErrorItemMeta",
    "Webhook",
    "WebhookAuthType",
    "WebhookCreate",
    "WebhookEvent",
    "WebhookEventList",
    "WebhookEventPayload",
    "WebhookHeader",
    "WebhookList",
    "WebhookStatus",
    "WebhookUpdate",
)
