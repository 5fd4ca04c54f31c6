from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="CandidateListItem")

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
    }
)


@_attrs_define
class CandidateListItem:
    """The reduced candidate returned by GET /candidates. Profile details such as links, cover letter, CV URLs, tags,
    sources and profile fields are only returned by GET /candidates/{candidate_id}.

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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_list_item_ratings import CandidateListItemRatings
from ..models.placement import Placement
