from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Candidate")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "emails",
        "phones",
        "admin_id",
        "followed",
        "placements",
        "adminapp_url",
        "created_at",
        "updated_at",
        "last_message_at",
        "example",
        "has_avatar",
        "initials",
        "photo_thumb_url",
        "rating",
        "ratings",
        "ratings_count",
        "positive_ratings",
        "my_last_rating",
        "notes_count",
        "tasks_count",
        "pending_result_request",
        "my_pending_result_request",
        "upcoming_event",
        "my_upcoming_event",
        "unread_notifications",
        "viewed",
        "referrer",
        "source",
        "social_links",
        "links",
        "cover_letter",
        "cv_url",
        "cv_original_url",
        "cv_pdf_url",
        "cv_processing_status",
        "cover_letter_file_url",
        "cover_letter_file_original_url",
        "photo_url",
        "tags",
        "sources",
        "fields",
        "custom_fields",
        "open_question_answers",
        "grouped_open_question_answers",
        "attachments_count",
        "mailbox_messages_count",
        "last_activity_at",
        "admin_ids",
        "referral_referrers_ids",
        "duplicates",
        "gdpr_status",
        "gdpr_expires_at",
        "gdpr_consent_ever_given",
        "gdpr_consent_request_sent_at",
        "gdpr_consent_request_completed_at",
        "gdpr_consent_request_type",
        "gdpr_scheduled_to_delete_at",
        "in_active_share",
        "pending_request_link",
        "rating_visible",
        "online_data",
        "sourcing_data",
        "sourcing_origin",
        "deleted_at",
    }
)


@_attrs_define
class Candidate:
    """The full candidate returned by the single-candidate endpoints: every property of CandidateListItem plus the profile
    details below.

        Attributes:
            id (int):
            name (str | Unset):
            emails (list[str] | Unset):
            phones (list[str] | Unset):
            admin_id (int | None | Unset): Id of the user who added the candidate.
            followed (bool | Unset): Whether the token's owner follows this candidate.
            placements (list[Placement] | Unset): The candidate's assignments to jobs and talent pools.
            adminapp_url (None | str | Unset): Deep link to the candidate in the Recruitee app.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            last_message_at (datetime.datetime | None | Unset):
            example (bool | Unset): True for demo data seeded by Recruitee.
            has_avatar (bool | Unset):
            initials (None | str | Unset):
            photo_thumb_url (None | str | Unset):
            rating (float | Unset): Average rating; may be sent as an integer or a decimal.
            ratings (CandidateListItemRatings | Unset): Count of ratings per rating value.
            ratings_count (int | Unset):
            positive_ratings (int | None | Unset):
            my_last_rating (None | str | Unset): The token owner's latest rating of this candidate.
            notes_count (int | Unset):
            tasks_count (int | Unset):
            pending_result_request (bool | Unset):
            my_pending_result_request (bool | Unset):
            upcoming_event (bool | Unset):
            my_upcoming_event (bool | Unset):
            unread_notifications (bool | Unset):
            viewed (bool | Unset):
            referrer (None | str | Unset):
            source (None | str | Unset): How the candidate entered the system (open set of values).
            social_links (list[str] | Unset):
            links (list[str] | Unset):
            cover_letter (None | str | Unset): Text cover letter.
            cv_url (None | str | Unset): URL of the CV file; storage URLs may expire.
            cv_original_url (None | str | Unset): URL of the originally uploaded CV file.
            cv_pdf_url (None | str | Unset): URL of the PDF rendition of the CV.
            cv_processing_status (str | Unset): State of CV parsing (open set of values).
            cover_letter_file_url (None | str | Unset): URL of an uploaded cover-letter file. Seen in one client only.
            cover_letter_file_original_url (None | str | Unset): URL of the original cover-letter upload. Seen in one client
                only.
            photo_url (None | str | Unset):
            tags (list[str] | Unset):
            sources (list[str] | Unset):
            fields (list[CandidateField] | Unset): Structured profile fields.
            custom_fields (list[Any] | Unset): Company-defined custom fields; item shape not documented.
            open_question_answers (list[Any] | Unset): Answers to application questions; item shape not documented.
            grouped_open_question_answers (list[Any] | Unset): The same answers grouped per question set; item shape not
                documented.
            attachments_count (int | Unset):
            mailbox_messages_count (int | Unset):
            last_activity_at (datetime.datetime | Unset):
            admin_ids (list[int] | Unset):
            referral_referrers_ids (list[int] | Unset):
            duplicates (list[Any] | Unset): Possible duplicate candidates; item shape not documented.
            gdpr_status (None | str | Unset): Consent state (open set of values). Nullability is assumed.
            gdpr_expires_at (datetime.datetime | None | Unset): When the data-retention consent runs out. Type assumed from
                the name.
            gdpr_consent_ever_given (bool | None | Unset): Whether consent was ever given. Type assumed from the name.
            gdpr_consent_request_sent_at (datetime.datetime | None | Unset): When a consent request was last sent. Type
                assumed from the name.
            gdpr_consent_request_completed_at (datetime.datetime | None | Unset): When the last consent request was
                answered. Type assumed from the name.
            gdpr_consent_request_type (None | str | Unset): Kind of the last consent request (values unknown). Type assumed.
            gdpr_scheduled_to_delete_at (datetime.datetime | None | Unset): When the candidate is due for automatic
                deletion. Type assumed from the name.
            in_active_share (bool | Unset):
            pending_request_link (bool | Unset):
            rating_visible (bool | Unset):
            online_data (CandidateOnlineDataType0 | None | Unset): Data found about the candidate online; shape not
                documented.
            sourcing_data (CandidateSourcingDataType0 | None | Unset): Sourcing details; shape not documented.
            sourcing_origin (CandidateSourcingOriginType0 | None | Unset): Where a sourced candidate came from; shape not
                documented.
            deleted_at (datetime.datetime | None | Unset): Set on the candidate returned by DELETE. Seen in one client only;
                absent from other responses.
    """

    id: int
    name: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phones: list[str] | Unset = UNSET
    admin_id: int | None | Unset = UNSET
    followed: bool | Unset = UNSET
    placements: list[Placement] | Unset = UNSET
    adminapp_url: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    last_message_at: datetime.datetime | None | Unset = UNSET
    example: bool | Unset = UNSET
    has_avatar: bool | Unset = UNSET
    initials: None | str | Unset = UNSET
    photo_thumb_url: None | str | Unset = UNSET
    rating: float | Unset = UNSET
    ratings: CandidateListItemRatings | Unset = UNSET
    ratings_count: int | Unset = UNSET
    positive_ratings: int | None | Unset = UNSET
    my_last_rating: None | str | Unset = UNSET
    notes_count: int | Unset = UNSET
    tasks_count: int | Unset = UNSET
    pending_result_request: bool | Unset = UNSET
    my_pending_result_request: bool | Unset = UNSET
    upcoming_event: bool | Unset = UNSET
    my_upcoming_event: bool | Unset = UNSET
    unread_notifications: bool | Unset = UNSET
    viewed: bool | Unset = UNSET
    referrer: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    social_links: list[str] | Unset = UNSET
    links: list[str] | Unset = UNSET
    cover_letter: None | str | Unset = UNSET
    cv_url: None | str | Unset = UNSET
    cv_original_url: None | str | Unset = UNSET
    cv_pdf_url: None | str | Unset = UNSET
    cv_processing_status: str | Unset = UNSET
    cover_letter_file_url: None | str | Unset = UNSET
    cover_letter_file_original_url: None | str | Unset = UNSET
    photo_url: None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    sources: list[str] | Unset = UNSET
    fields: list[CandidateField] | Unset = UNSET
    custom_fields: list[Any] | Unset = UNSET
    open_question_answers: list[Any] | Unset = UNSET
    grouped_open_question_answers: list[Any] | Unset = UNSET
    attachments_count: int | Unset = UNSET
    mailbox_messages_count: int | Unset = UNSET
    last_activity_at: datetime.datetime | Unset = UNSET
    admin_ids: list[int] | Unset = UNSET
    referral_referrers_ids: list[int] | Unset = UNSET
    duplicates: list[Any] | Unset = UNSET
    gdpr_status: None | str | Unset = UNSET
    gdpr_expires_at: datetime.datetime | None | Unset = UNSET
    gdpr_consent_ever_given: bool | None | Unset = UNSET
    gdpr_consent_request_sent_at: datetime.datetime | None | Unset = UNSET
    gdpr_consent_request_completed_at: datetime.datetime | None | Unset = UNSET
    gdpr_consent_request_type: None | str | Unset = UNSET
    gdpr_scheduled_to_delete_at: datetime.datetime | None | Unset = UNSET
    in_active_share: bool | Unset = UNSET
    pending_request_link: bool | Unset = UNSET
    rating_visible: bool | Unset = UNSET
    online_data: CandidateOnlineDataType0 | None | Unset = UNSET
    sourcing_data: CandidateSourcingDataType0 | None | Unset = UNSET
    sourcing_origin: CandidateSourcingOriginType0 | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        name = self.name

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        admin_id: int | None | Unset
        if isinstance(self.admin_id, Unset):
            admin_id = UNSET
        else:
            admin_id = self.admin_id

        followed = self.followed

        placements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placements, Unset):
            placements = []
            for placements_item_data in self.placements:
                placements_item = placements_item_data.to_dict()
                placements.append(placements_item)

        adminapp_url: None | str | Unset
        if isinstance(self.adminapp_url, Unset):
            adminapp_url = UNSET
        else:
            adminapp_url = self.adminapp_url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        last_message_at: None | str | Unset
        if isinstance(self.last_message_at, Unset):
            last_message_at = UNSET
        elif isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        example = self.example

        has_avatar = self.has_avatar

        initials: None | str | Unset
        if isinstance(self.initials, Unset):
            initials = UNSET
        else:
            initials = self.initials

        photo_thumb_url: None | str | Unset
        if isinstance(self.photo_thumb_url, Unset):
            photo_thumb_url = UNSET
        else:
            photo_thumb_url = self.photo_thumb_url

        rating = self.rating

        ratings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ratings, Unset):
            ratings = self.ratings.to_dict()

        ratings_count = self.ratings_count

        positive_ratings: int | None | Unset
        if isinstance(self.positive_ratings, Unset):
            positive_ratings = UNSET
        else:
            positive_ratings = self.positive_ratings

        my_last_rating: None | str | Unset
        if isinstance(self.my_last_rating, Unset):
            my_last_rating = UNSET
        else:
            my_last_rating = self.my_last_rating

        notes_count = self.notes_count

        tasks_count = self.tasks_count

        pending_result_request = self.pending_result_request

        my_pending_result_request = self.my_pending_result_request

        upcoming_event = self.upcoming_event

        my_upcoming_event = self.my_upcoming_event

        unread_notifications = self.unread_notifications

        viewed = self.viewed

        referrer: None | str | Unset
        if isinstance(self.referrer, Unset):
            referrer = UNSET
        else:
            referrer = self.referrer

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        social_links: list[str] | Unset = UNSET
        if not isinstance(self.social_links, Unset):
            social_links = self.social_links

        links: list[str] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links

        cover_letter: None | str | Unset
        if isinstance(self.cover_letter, Unset):
            cover_letter = UNSET
        else:
            cover_letter = self.cover_letter

        cv_url: None | str | Unset
        if isinstance(self.cv_url, Unset):
            cv_url = UNSET
        else:
            cv_url = self.cv_url

        cv_original_url: None | str | Unset
        if isinstance(self.cv_original_url, Unset):
            cv_original_url = UNSET
        else:
            cv_original_url = self.cv_original_url

        cv_pdf_url: None | str | Unset
        if isinstance(self.cv_pdf_url, Unset):
            cv_pdf_url = UNSET
        else:
            cv_pdf_url = self.cv_pdf_url

        cv_processing_status = self.cv_processing_status

        cover_letter_file_url: None | str | Unset
        if isinstance(self.cover_letter_file_url, Unset):
            cover_letter_file_url = UNSET
        else:
            cover_letter_file_url = self.cover_letter_file_url

        cover_letter_file_original_url: None | str | Unset
        if isinstance(self.cover_letter_file_original_url, Unset):
            cover_letter_file_original_url = UNSET
        else:
            cover_letter_file_original_url = self.cover_letter_file_original_url

        photo_url: None | str | Unset
        if isinstance(self.photo_url, Unset):
            photo_url = UNSET
        else:
            photo_url = self.photo_url

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = self.sources

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        custom_fields: list[Any] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = self.custom_fields

        open_question_answers: list[Any] | Unset = UNSET
        if not isinstance(self.open_question_answers, Unset):
            open_question_answers = self.open_question_answers

        grouped_open_question_answers: list[Any] | Unset = UNSET
        if not isinstance(self.grouped_open_question_answers, Unset):
            grouped_open_question_answers = self.grouped_open_question_answers

        attachments_count = self.attachments_count

        mailbox_messages_count = self.mailbox_messages_count

        last_activity_at: str | Unset = UNSET
        if not isinstance(self.last_activity_at, Unset):
            last_activity_at = self.last_activity_at.isoformat()

        admin_ids: list[int] | Unset = UNSET
        if not isinstance(self.admin_ids, Unset):
            admin_ids = self.admin_ids

        referral_referrers_ids: list[int] | Unset = UNSET
        if not isinstance(self.referral_referrers_ids, Unset):
            referral_referrers_ids = self.referral_referrers_ids

        duplicates: list[Any] | Unset = UNSET
        if not isinstance(self.duplicates, Unset):
            duplicates = self.duplicates

        gdpr_status: None | str | Unset
        if isinstance(self.gdpr_status, Unset):
            gdpr_status = UNSET
        else:
            gdpr_status = self.gdpr_status

        gdpr_expires_at: None | str | Unset
        if isinstance(self.gdpr_expires_at, Unset):
            gdpr_expires_at = UNSET
        elif isinstance(self.gdpr_expires_at, datetime.datetime):
            gdpr_expires_at = self.gdpr_expires_at.isoformat()
        else:
            gdpr_expires_at = self.gdpr_expires_at

        gdpr_consent_ever_given: bool | None | Unset
        if isinstance(self.gdpr_consent_ever_given, Unset):
            gdpr_consent_ever_given = UNSET
        else:
            gdpr_consent_ever_given = self.gdpr_consent_ever_given

        gdpr_consent_request_sent_at: None | str | Unset
        if isinstance(self.gdpr_consent_request_sent_at, Unset):
            gdpr_consent_request_sent_at = UNSET
        elif isinstance(self.gdpr_consent_request_sent_at, datetime.datetime):
            gdpr_consent_request_sent_at = self.gdpr_consent_request_sent_at.isoformat()
        else:
            gdpr_consent_request_sent_at = self.gdpr_consent_request_sent_at

        gdpr_consent_request_completed_at: None | str | Unset
        if isinstance(self.gdpr_consent_request_completed_at, Unset):
            gdpr_consent_request_completed_at = UNSET
        elif isinstance(self.gdpr_consent_request_completed_at, datetime.datetime):
            gdpr_consent_request_completed_at = (
                self.gdpr_consent_request_completed_at.isoformat()
            )
        else:
            gdpr_consent_request_completed_at = self.gdpr_consent_request_completed_at

        gdpr_consent_request_type: None | str | Unset
        if isinstance(self.gdpr_consent_request_type, Unset):
            gdpr_consent_request_type = UNSET
        else:
            gdpr_consent_request_type = self.gdpr_consent_request_type

        gdpr_scheduled_to_delete_at: None | str | Unset
        if isinstance(self.gdpr_scheduled_to_delete_at, Unset):
            gdpr_scheduled_to_delete_at = UNSET
        elif isinstance(self.gdpr_scheduled_to_delete_at, datetime.datetime):
            gdpr_scheduled_to_delete_at = self.gdpr_scheduled_to_delete_at.isoformat()
        else:
            gdpr_scheduled_to_delete_at = self.gdpr_scheduled_to_delete_at

        in_active_share = self.in_active_share

        pending_request_link = self.pending_request_link

        rating_visible = self.rating_visible

        online_data: dict[str, Any] | None | Unset
        if isinstance(self.online_data, Unset):
            online_data = UNSET
        elif isinstance(self.online_data, CandidateOnlineDataType0):
            online_data = self.online_data.to_dict()
        else:
            online_data = self.online_data

        sourcing_data: dict[str, Any] | None | Unset
        if isinstance(self.sourcing_data, Unset):
            sourcing_data = UNSET
        elif isinstance(self.sourcing_data, CandidateSourcingDataType0):
            sourcing_data = self.sourcing_data.to_dict()
        else:
            sourcing_data = self.sourcing_data

        sourcing_origin: dict[str, Any] | None | Unset
        if isinstance(self.sourcing_origin, Unset):
            sourcing_origin = UNSET
        elif isinstance(self.sourcing_origin, CandidateSourcingOriginType0):
            sourcing_origin = self.sourcing_origin.to_dict()
        else:
            sourcing_origin = self.sourcing_origin

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phones is not UNSET:
            field_dict["phones"] = phones
        if admin_id is not UNSET:
            field_dict["admin_id"] = admin_id
        if followed is not UNSET:
            field_dict["followed"] = followed
        if placements is not UNSET:
            field_dict["placements"] = placements
        if adminapp_url is not UNSET:
            field_dict["adminapp_url"] = adminapp_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_message_at is not UNSET:
            field_dict["last_message_at"] = last_message_at
        if example is not UNSET:
            field_dict["example"] = example
        if has_avatar is not UNSET:
            field_dict["has_avatar"] = has_avatar
        if initials is not UNSET:
            field_dict["initials"] = initials
        if photo_thumb_url is not UNSET:
            field_dict["photo_thumb_url"] = photo_thumb_url
        if rating is not UNSET:
            field_dict["rating"] = rating
        if ratings is not UNSET:
            field_dict["ratings"] = ratings
        if ratings_count is not UNSET:
            field_dict["ratings_count"] = ratings_count
        if positive_ratings is not UNSET:
            field_dict["positive_ratings"] = positive_ratings
        if my_last_rating is not UNSET:
            field_dict["my_last_rating"] = my_last_rating
        if notes_count is not UNSET:
            field_dict["notes_count"] = notes_count
        if tasks_count is not UNSET:
            field_dict["tasks_count"] = tasks_count
        if pending_result_request is not UNSET:
            field_dict["pending_result_request"] = pending_result_request
        if my_pending_result_request is not UNSET:
            field_dict["my_pending_result_request"] = my_pending_result_request
        if upcoming_event is not UNSET:
            field_dict["upcoming_event"] = upcoming_event
        if my_upcoming_event is not UNSET:
            field_dict["my_upcoming_event"] = my_upcoming_event
        if unread_notifications is not UNSET:
            field_dict["unread_notifications"] = unread_notifications
        if viewed is not UNSET:
            field_dict["viewed"] = viewed
        if referrer is not UNSET:
            field_dict["referrer"] = referrer
        if source is not UNSET:
            field_dict["source"] = source
        if social_links is not UNSET:
            field_dict["social_links"] = social_links
        if links is not UNSET:
            field_dict["links"] = links
        if cover_letter is not UNSET:
            field_dict["cover_letter"] = cover_letter
        if cv_url is not UNSET:
            field_dict["cv_url"] = cv_url
        if cv_original_url is not UNSET:
            field_dict["cv_original_url"] = cv_original_url
        if cv_pdf_url is not UNSET:
            field_dict["cv_pdf_url"] = cv_pdf_url
        if cv_processing_status is not UNSET:
            field_dict["cv_processing_status"] = cv_processing_status
        if cover_letter_file_url is not UNSET:
            field_dict["cover_letter_file_url"] = cover_letter_file_url
        if cover_letter_file_original_url is not UNSET:
            field_dict["cover_letter_file_original_url"] = (
                cover_letter_file_original_url
            )
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url
        if tags is not UNSET:
            field_dict["tags"] = tags
        if sources is not UNSET:
            field_dict["sources"] = sources
        if fields is not UNSET:
            field_dict["fields"] = fields
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if open_question_answers is not UNSET:
            field_dict["open_question_answers"] = open_question_answers
        if grouped_open_question_answers is not UNSET:
            field_dict["grouped_open_question_answers"] = grouped_open_question_answers
        if attachments_count is not UNSET:
            field_dict["attachments_count"] = attachments_count
        if mailbox_messages_count is not UNSET:
            field_dict["mailbox_messages_count"] = mailbox_messages_count
        if last_activity_at is not UNSET:
            field_dict["last_activity_at"] = last_activity_at
        if admin_ids is not UNSET:
            field_dict["admin_ids"] = admin_ids
        if referral_referrers_ids is not UNSET:
            field_dict["referral_referrers_ids"] = referral_referrers_ids
        if duplicates is not UNSET:
            field_dict["duplicates"] = duplicates
        if gdpr_status is not UNSET:
            field_dict["gdpr_status"] = gdpr_status
        if gdpr_expires_at is not UNSET:
            field_dict["gdpr_expires_at"] = gdpr_expires_at
        if gdpr_consent_ever_given is not UNSET:
            field_dict["gdpr_consent_ever_given"] = gdpr_consent_ever_given
        if gdpr_consent_request_sent_at is not UNSET:
            field_dict["gdpr_consent_request_sent_at"] = gdpr_consent_request_sent_at
        if gdpr_consent_request_completed_at is not UNSET:
            field_dict["gdpr_consent_request_completed_at"] = (
                gdpr_consent_request_completed_at
            )
        if gdpr_consent_request_type is not UNSET:
            field_dict["gdpr_consent_request_type"] = gdpr_consent_request_type
        if gdpr_scheduled_to_delete_at is not UNSET:
            field_dict["gdpr_scheduled_to_delete_at"] = gdpr_scheduled_to_delete_at
        if in_active_share is not UNSET:
            field_dict["in_active_share"] = in_active_share
        if pending_request_link is not UNSET:
            field_dict["pending_request_link"] = pending_request_link
        if rating_visible is not UNSET:
            field_dict["rating_visible"] = rating_visible
        if online_data is not UNSET:
            field_dict["online_data"] = online_data
        if sourcing_data is not UNSET:
            field_dict["sourcing_data"] = sourcing_data
        if sourcing_origin is not UNSET:
            field_dict["sourcing_origin"] = sourcing_origin
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        name = _src_get("name", UNSET)
        emails = _src_get("emails", UNSET)
        phones = _src_get("phones", UNSET)
        admin_id = _src_get("admin_id", UNSET)
        followed = _src_get("followed", UNSET)
        _placements = _src_get("placements", UNSET)
        placements: list[Placement] | Unset = (
            UNSET
            if _placements is UNSET
            else list(map(Placement.from_dict, _placements))
        )
        adminapp_url = _src_get("adminapp_url", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        _last_message_at = _src_get("last_message_at", UNSET)
        last_message_at: datetime.datetime | None | Unset = (
            _last_message_at
            if _last_message_at is None or _last_message_at is UNSET
            else stamp_or_unset(_last_message_at)
        )
        example = _src_get("example", UNSET)
        has_avatar = _src_get("has_avatar", UNSET)
        initials = _src_get("initials", UNSET)
        photo_thumb_url = _src_get("photo_thumb_url", UNSET)
        rating = _src_get("rating", UNSET)
        _ratings = _src_get("ratings", UNSET)
        ratings: CandidateListItemRatings | Unset = (
            UNSET if _ratings is UNSET else CandidateListItemRatings.from_dict(_ratings)
        )
        ratings_count = _src_get("ratings_count", UNSET)
        positive_ratings = _src_get("positive_ratings", UNSET)
        my_last_rating = _src_get("my_last_rating", UNSET)
        notes_count = _src_get("notes_count", UNSET)
        tasks_count = _src_get("tasks_count", UNSET)
        pending_result_request = _src_get("pending_result_request", UNSET)
        my_pending_result_request = _src_get("my_pending_result_request", UNSET)
        upcoming_event = _src_get("upcoming_event", UNSET)
        my_upcoming_event = _src_get("my_upcoming_event", UNSET)
        unread_notifications = _src_get("unread_notifications", UNSET)
        viewed = _src_get("viewed", UNSET)
        referrer = _src_get("referrer", UNSET)
        source = _src_get("source", UNSET)
        social_links = _src_get("social_links", UNSET)
        links = _src_get("links", UNSET)
        cover_letter = _src_get("cover_letter", UNSET)
        cv_url = _src_get("cv_url", UNSET)
        cv_original_url = _src_get("cv_original_url", UNSET)
        cv_pdf_url = _src_get("cv_pdf_url", UNSET)
        cv_processing_status = _src_get("cv_processing_status", UNSET)
        cover_letter_file_url = _src_get("cover_letter_file_url", UNSET)
        cover_letter_file_original_url = _src_get(
            "cover_letter_file_original_url", UNSET
        )
        photo_url = _src_get("photo_url", UNSET)
        tags = _src_get("tags", UNSET)
        sources = _src_get("sources", UNSET)
        _fields = _src_get("fields", UNSET)
        fields: list[CandidateField] | Unset = (
            UNSET if _fields is UNSET else list(map(CandidateField.from_dict, _fields))
        )
        custom_fields = _src_get("custom_fields", UNSET)
        open_question_answers = _src_get("open_question_answers", UNSET)
        grouped_open_question_answers = _src_get("grouped_open_question_answers", UNSET)
        attachments_count = _src_get("attachments_count", UNSET)
        mailbox_messages_count = _src_get("mailbox_messages_count", UNSET)
        _last_activity_at = _src_get("last_activity_at", UNSET)
        last_activity_at: datetime.datetime | Unset = (
            _last_activity_at
            if _last_activity_at is UNSET
            else stamp_or_unset(_last_activity_at)
        )
        admin_ids = _src_get("admin_ids", UNSET)
        referral_referrers_ids = _src_get("referral_referrers_ids", UNSET)
        duplicates = _src_get("duplicates", UNSET)
        gdpr_status = _src_get("gdpr_status", UNSET)
        _gdpr_expires_at = _src_get("gdpr_expires_at", UNSET)
        gdpr_expires_at: datetime.datetime | None | Unset = (
            _gdpr_expires_at
            if _gdpr_expires_at is None or _gdpr_expires_at is UNSET
            else stamp_or_unset(_gdpr_expires_at)
        )
        gdpr_consent_ever_given = _src_get("gdpr_consent_ever_given", UNSET)
        _gdpr_consent_request_sent_at = _src_get("gdpr_consent_request_sent_at", UNSET)
        gdpr_consent_request_sent_at: datetime.datetime | None | Unset = (
            _gdpr_consent_request_sent_at
            if _gdpr_consent_request_sent_at is None
            or _gdpr_consent_request_sent_at is UNSET
            else stamp_or_unset(_gdpr_consent_request_sent_at)
        )
        _gdpr_consent_request_completed_at = _src_get(
            "gdpr_consent_request_completed_at", UNSET
        )
        gdpr_consent_request_completed_at: datetime.datetime | None | Unset = (
            _gdpr_consent_request_completed_at
            if _gdpr_consent_request_completed_at is None
            or _gdpr_consent_request_completed_at is UNSET
            else stamp_or_unset(_gdpr_consent_request_completed_at)
        )
        gdpr_consent_request_type = _src_get("gdpr_consent_request_type", UNSET)
        _gdpr_scheduled_to_delete_at = _src_get("gdpr_scheduled_to_delete_at", UNSET)
        gdpr_scheduled_to_delete_at: datetime.datetime | None | Unset = (
            _gdpr_scheduled_to_delete_at
            if _gdpr_scheduled_to_delete_at is None
            or _gdpr_scheduled_to_delete_at is UNSET
            else stamp_or_unset(_gdpr_scheduled_to_delete_at)
        )
        in_active_share = _src_get("in_active_share", UNSET)
        pending_request_link = _src_get("pending_request_link", UNSET)
        rating_visible = _src_get("rating_visible", UNSET)
        _online_data = _src_get("online_data", UNSET)
        online_data: CandidateOnlineDataType0 | None | Unset = (
            _online_data
            if _online_data is None or _online_data is UNSET
            else _parse_online_data(_online_data)
        )
        _sourcing_data = _src_get("sourcing_data", UNSET)
        sourcing_data: CandidateSourcingDataType0 | None | Unset = (
            _sourcing_data
            if _sourcing_data is None or _sourcing_data is UNSET
            else _parse_sourcing_data(_sourcing_data)
        )
        _sourcing_origin = _src_get("sourcing_origin", UNSET)
        sourcing_origin: CandidateSourcingOriginType0 | None | Unset = (
            _sourcing_origin
            if _sourcing_origin is None or _sourcing_origin is UNSET
            else _parse_sourcing_origin(_sourcing_origin)
        )
        _deleted_at = _src_get("deleted_at", UNSET)
        deleted_at: datetime.datetime | None | Unset = (
            _deleted_at
            if _deleted_at is None or _deleted_at is UNSET
            else stamp_or_unset(_deleted_at)
        )
        _instance_ = cls(
            id,
            name,
            emails,
            phones,
            admin_id,
            followed,
            placements,
            adminapp_url,
            created_at,
            updated_at,
            last_message_at,
            example,
            has_avatar,
            initials,
            photo_thumb_url,
            rating,
            ratings,
            ratings_count,
            positive_ratings,
            my_last_rating,
            notes_count,
            tasks_count,
            pending_result_request,
            my_pending_result_request,
            upcoming_event,
            my_upcoming_event,
            unread_notifications,
            viewed,
            referrer,
            source,
            social_links,
            links,
            cover_letter,
            cv_url,
            cv_original_url,
            cv_pdf_url,
            cv_processing_status,
            cover_letter_file_url,
            cover_letter_file_original_url,
            photo_url,
            tags,
            sources,
            fields,
            custom_fields,
            open_question_answers,
            grouped_open_question_answers,
            attachments_count,
            mailbox_messages_count,
            last_activity_at,
            admin_ids,
            referral_referrers_ids,
            duplicates,
            gdpr_status,
            gdpr_expires_at,
            gdpr_consent_ever_given,
            gdpr_consent_request_sent_at,
            gdpr_consent_request_completed_at,
            gdpr_consent_request_type,
            gdpr_scheduled_to_delete_at,
            in_active_share,
            pending_request_link,
            rating_visible,
            online_data,
            sourcing_data,
            sourcing_origin,
            deleted_at,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
        if updated_at is UNSET and _updated_at is not UNSET:
            _instance_.additional_properties["updated_at"] = _updated_at
        if last_message_at is UNSET and _last_message_at is not UNSET:
            _instance_.additional_properties["last_message_at"] = _last_message_at
        if last_activity_at is UNSET and _last_activity_at is not UNSET:
            _instance_.additional_properties["last_activity_at"] = _last_activity_at
        if gdpr_expires_at is UNSET and _gdpr_expires_at is not UNSET:
            _instance_.additional_properties["gdpr_expires_at"] = _gdpr_expires_at
        if (
            gdpr_consent_request_sent_at is UNSET
            and _gdpr_consent_request_sent_at is not UNSET
        ):
            _instance_.additional_properties["gdpr_consent_request_sent_at"] = (
                _gdpr_consent_request_sent_at
            )
        if (
            gdpr_consent_request_completed_at is UNSET
            and _gdpr_consent_request_completed_at is not UNSET
        ):
            _instance_.additional_properties["gdpr_consent_request_completed_at"] = (
                _gdpr_consent_request_completed_at
            )
        if (
            gdpr_scheduled_to_delete_at is UNSET
            and _gdpr_scheduled_to_delete_at is not UNSET
        ):
            _instance_.additional_properties["gdpr_scheduled_to_delete_at"] = (
                _gdpr_scheduled_to_delete_at
            )
        if deleted_at is UNSET and _deleted_at is not UNSET:
            _instance_.additional_properties["deleted_at"] = _deleted_at
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        """The keys of the answer that the spec does not name (``obj[key]`` reads each)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_online_data(data: object) -> CandidateOnlineDataType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        online_data_type_0 = CandidateOnlineDataType0.from_dict(data)

        return online_data_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(CandidateOnlineDataType0 | None | Unset, data)


def _parse_sourcing_data(data: object) -> CandidateSourcingDataType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        sourcing_data_type_0 = CandidateSourcingDataType0.from_dict(data)

        return sourcing_data_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(CandidateSourcingDataType0 | None | Unset, data)


def _parse_sourcing_origin(data: object) -> CandidateSourcingOriginType0 | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        sourcing_origin_type_0 = CandidateSourcingOriginType0.from_dict(data)

        return sourcing_origin_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(CandidateSourcingOriginType0 | None | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_field import CandidateField
from ..models.candidate_list_item_ratings import CandidateListItemRatings
from ..models.candidate_online_data_type_0 import CandidateOnlineDataType0
from ..models.candidate_sourcing_data_type_0 import CandidateSourcingDataType0
from ..models.candidate_sourcing_origin_type_0 import CandidateSourcingOriginType0
from ..models.placement import Placement
