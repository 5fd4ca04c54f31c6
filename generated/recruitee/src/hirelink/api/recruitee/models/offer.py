from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Offer")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "title",
        "slug",
        "guid",
        "kind",
        "status",
        "url",
        "careers_url",
        "adminapp_url",
        "location",
        "city",
        "country_code",
        "state_code",
        "state_name",
        "postal_code",
        "street",
        "remote",
        "department",
        "department_id",
        "employment_type",
        "category",
        "education",
        "experience",
        "min_hours",
        "max_hours",
        "salary",
        "description",
        "requirements",
        "highlight_html",
        "number_of_openings",
        "candidates_count",
        "qualified_candidates_count",
        "disqualified_candidates_count",
        "hired_candidates_count",
        "created_at",
        "updated_at",
        "published_at",
        "closed_at",
        "lang_code",
        "primary_lang_code",
        "pipeline_template_id",
        "pipeline_template",
        "position",
        "example",
        "offer_tags",
        "followed",
        "hiring_manager_id",
        "recruiter_id",
        "mailbox_email",
        "options_cv",
        "options_cover_letter",
        "options_phone",
        "options_photo",
        "enabled_languages",
    }
)


@_attrs_define
class Offer:
    """A job or a talent pool. With `view_mode=brief` only id, title, status and kind are present, which is why nothing but
    `id` is required.

        Attributes:
            id (int):
            title (str | Unset):
            slug (None | str | Unset):
            guid (None | str | Unset):
            kind (str | Unset): Open set of values.
            status (str | Unset): Lifecycle state (open set of values).
            url (None | str | Unset):
            careers_url (None | str | Unset):
            adminapp_url (None | str | Unset):
            location (None | str | Unset):
            city (None | str | Unset):
            country_code (None | str | Unset):
            state_code (None | str | Unset):
            state_name (None | str | Unset):
            postal_code (None | str | Unset):
            street (None | str | Unset):
            remote (bool | None | Unset):
            department (None | str | Unset):
            department_id (int | None | Unset):
            employment_type (None | str | Unset):
            category (None | str | Unset):
            education (None | str | Unset):
            experience (None | str | Unset):
            min_hours (float | None | Unset):
            max_hours (float | None | Unset):
            salary (None | OfferSalary | Unset):
            description (None | str | Unset): HTML.
            requirements (None | str | Unset): HTML.
            highlight_html (None | str | Unset):
            number_of_openings (int | None | Unset):
            candidates_count (int | Unset):
            qualified_candidates_count (int | Unset):
            disqualified_candidates_count (int | Unset):
            hired_candidates_count (int | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            published_at (datetime.datetime | None | Unset):
            closed_at (datetime.datetime | None | Unset):
            lang_code (None | str | Unset):
            primary_lang_code (None | str | Unset):
            pipeline_template_id (int | None | Unset):
            pipeline_template (None | PipelineTemplate | Unset): The offer's pipeline with its stages, as the detail view
                embeds it (C3 [SAMPLE]); absent from list views.
            position (int | None | Unset):
            example (bool | Unset): True for demo data seeded by Recruitee.
            offer_tags (list[Any] | Unset): Tags on the offer; item shape not documented.
            followed (bool | Unset):
            hiring_manager_id (int | None | Unset):
            recruiter_id (int | None | Unset):
            mailbox_email (None | str | Unset):
            options_cv (None | str | Unset): Whether applicants must supply a CV (open set of values).
            options_cover_letter (None | str | Unset):
            options_phone (None | str | Unset):
            options_photo (None | str | Unset):
            enabled_languages (list[OfferEnabledLanguagesItem] | Unset):
    """

    id: int
    title: str | Unset = UNSET
    slug: None | str | Unset = UNSET
    guid: None | str | Unset = UNSET
    kind: str | Unset = UNSET
    status: str | Unset = UNSET
    url: None | str | Unset = UNSET
    careers_url: None | str | Unset = UNSET
    adminapp_url: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country_code: None | str | Unset = UNSET
    state_code: None | str | Unset = UNSET
    state_name: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    street: None | str | Unset = UNSET
    remote: bool | None | Unset = UNSET
    department: None | str | Unset = UNSET
    department_id: int | None | Unset = UNSET
    employment_type: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    education: None | str | Unset = UNSET
    experience: None | str | Unset = UNSET
    min_hours: float | None | Unset = UNSET
    max_hours: float | None | Unset = UNSET
    salary: None | OfferSalary | Unset = UNSET
    description: None | str | Unset = UNSET
    requirements: None | str | Unset = UNSET
    highlight_html: None | str | Unset = UNSET
    number_of_openings: int | None | Unset = UNSET
    candidates_count: int | Unset = UNSET
    qualified_candidates_count: int | Unset = UNSET
    disqualified_candidates_count: int | Unset = UNSET
    hired_candidates_count: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    lang_code: None | str | Unset = UNSET
    primary_lang_code: None | str | Unset = UNSET
    pipeline_template_id: int | None | Unset = UNSET
    pipeline_template: None | PipelineTemplate | Unset = UNSET
    position: int | None | Unset = UNSET
    example: bool | Unset = UNSET
    offer_tags: list[Any] | Unset = UNSET
    followed: bool | Unset = UNSET
    hiring_manager_id: int | None | Unset = UNSET
    recruiter_id: int | None | Unset = UNSET
    mailbox_email: None | str | Unset = UNSET
    options_cv: None | str | Unset = UNSET
    options_cover_letter: None | str | Unset = UNSET
    options_phone: None | str | Unset = UNSET
    options_photo: None | str | Unset = UNSET
    enabled_languages: list[OfferEnabledLanguagesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        title = self.title

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        guid: None | str | Unset
        if isinstance(self.guid, Unset):
            guid = UNSET
        else:
            guid = self.guid

        kind = self.kind

        status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        careers_url: None | str | Unset
        if isinstance(self.careers_url, Unset):
            careers_url = UNSET
        else:
            careers_url = self.careers_url

        adminapp_url: None | str | Unset
        if isinstance(self.adminapp_url, Unset):
            adminapp_url = UNSET
        else:
            adminapp_url = self.adminapp_url

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        state_code: None | str | Unset
        if isinstance(self.state_code, Unset):
            state_code = UNSET
        else:
            state_code = self.state_code

        state_name: None | str | Unset
        if isinstance(self.state_name, Unset):
            state_name = UNSET
        else:
            state_name = self.state_name

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        street: None | str | Unset
        if isinstance(self.street, Unset):
            street = UNSET
        else:
            street = self.street

        remote: bool | None | Unset
        if isinstance(self.remote, Unset):
            remote = UNSET
        else:
            remote = self.remote

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        department_id: int | None | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        else:
            department_id = self.department_id

        employment_type: None | str | Unset
        if isinstance(self.employment_type, Unset):
            employment_type = UNSET
        else:
            employment_type = self.employment_type

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        education: None | str | Unset
        if isinstance(self.education, Unset):
            education = UNSET
        else:
            education = self.education

        experience: None | str | Unset
        if isinstance(self.experience, Unset):
            experience = UNSET
        else:
            experience = self.experience

        min_hours: float | None | Unset
        if isinstance(self.min_hours, Unset):
            min_hours = UNSET
        else:
            min_hours = self.min_hours

        max_hours: float | None | Unset
        if isinstance(self.max_hours, Unset):
            max_hours = UNSET
        else:
            max_hours = self.max_hours

        salary: dict[str, Any] | None | Unset
        if isinstance(self.salary, Unset):
            salary = UNSET
        elif isinstance(self.salary, OfferSalary):
            salary = self.salary.to_dict()
        else:
            salary = self.salary

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        requirements: None | str | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        else:
            requirements = self.requirements

        highlight_html: None | str | Unset
        if isinstance(self.highlight_html, Unset):
            highlight_html = UNSET
        else:
            highlight_html = self.highlight_html

        number_of_openings: int | None | Unset
        if isinstance(self.number_of_openings, Unset):
            number_of_openings = UNSET
        else:
            number_of_openings = self.number_of_openings

        candidates_count = self.candidates_count

        qualified_candidates_count = self.qualified_candidates_count

        disqualified_candidates_count = self.disqualified_candidates_count

        hired_candidates_count = self.hired_candidates_count

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        lang_code: None | str | Unset
        if isinstance(self.lang_code, Unset):
            lang_code = UNSET
        else:
            lang_code = self.lang_code

        primary_lang_code: None | str | Unset
        if isinstance(self.primary_lang_code, Unset):
            primary_lang_code = UNSET
        else:
            primary_lang_code = self.primary_lang_code

        pipeline_template_id: int | None | Unset
        if isinstance(self.pipeline_template_id, Unset):
            pipeline_template_id = UNSET
        else:
            pipeline_template_id = self.pipeline_template_id

        pipeline_template: dict[str, Any] | None | Unset
        if isinstance(self.pipeline_template, Unset):
            pipeline_template = UNSET
        elif isinstance(self.pipeline_template, PipelineTemplate):
            pipeline_template = self.pipeline_template.to_dict()
        else:
            pipeline_template = self.pipeline_template

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        example = self.example

        offer_tags: list[Any] | Unset = UNSET
        if not isinstance(self.offer_tags, Unset):
            offer_tags = self.offer_tags

        followed = self.followed

        hiring_manager_id: int | None | Unset
        if isinstance(self.hiring_manager_id, Unset):
            hiring_manager_id = UNSET
        else:
            hiring_manager_id = self.hiring_manager_id

        recruiter_id: int | None | Unset
        if isinstance(self.recruiter_id, Unset):
            recruiter_id = UNSET
        else:
            recruiter_id = self.recruiter_id

        mailbox_email: None | str | Unset
        if isinstance(self.mailbox_email, Unset):
            mailbox_email = UNSET
        else:
            mailbox_email = self.mailbox_email

        options_cv: None | str | Unset
        if isinstance(self.options_cv, Unset):
            options_cv = UNSET
        else:
            options_cv = self.options_cv

        options_cover_letter: None | str | Unset
        if isinstance(self.options_cover_letter, Unset):
            options_cover_letter = UNSET
        else:
            options_cover_letter = self.options_cover_letter

        options_phone: None | str | Unset
        if isinstance(self.options_phone, Unset):
            options_phone = UNSET
        else:
            options_phone = self.options_phone

        options_photo: None | str | Unset
        if isinstance(self.options_photo, Unset):
            options_photo = UNSET
        else:
            options_photo = self.options_photo

        enabled_languages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.enabled_languages, Unset):
            enabled_languages = []
            for enabled_languages_item_data in self.enabled_languages:
                enabled_languages_item = enabled_languages_item_data.to_dict()
                enabled_languages.append(enabled_languages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if slug is not UNSET:
            field_dict["slug"] = slug
        if guid is not UNSET:
            field_dict["guid"] = guid
        if kind is not UNSET:
            field_dict["kind"] = kind
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url
        if careers_url is not UNSET:
            field_dict["careers_url"] = careers_url
        if adminapp_url is not UNSET:
            field_dict["adminapp_url"] = adminapp_url
        if location is not UNSET:
            field_dict["location"] = location
        if city is not UNSET:
            field_dict["city"] = city
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if state_code is not UNSET:
            field_dict["state_code"] = state_code
        if state_name is not UNSET:
            field_dict["state_name"] = state_name
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if street is not UNSET:
            field_dict["street"] = street
        if remote is not UNSET:
            field_dict["remote"] = remote
        if department is not UNSET:
            field_dict["department"] = department
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if category is not UNSET:
            field_dict["category"] = category
        if education is not UNSET:
            field_dict["education"] = education
        if experience is not UNSET:
            field_dict["experience"] = experience
        if min_hours is not UNSET:
            field_dict["min_hours"] = min_hours
        if max_hours is not UNSET:
            field_dict["max_hours"] = max_hours
        if salary is not UNSET:
            field_dict["salary"] = salary
        if description is not UNSET:
            field_dict["description"] = description
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if highlight_html is not UNSET:
            field_dict["highlight_html"] = highlight_html
        if number_of_openings is not UNSET:
            field_dict["number_of_openings"] = number_of_openings
        if candidates_count is not UNSET:
            field_dict["candidates_count"] = candidates_count
        if qualified_candidates_count is not UNSET:
            field_dict["qualified_candidates_count"] = qualified_candidates_count
        if disqualified_candidates_count is not UNSET:
            field_dict["disqualified_candidates_count"] = disqualified_candidates_count
        if hired_candidates_count is not UNSET:
            field_dict["hired_candidates_count"] = hired_candidates_count
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if lang_code is not UNSET:
            field_dict["lang_code"] = lang_code
        if primary_lang_code is not UNSET:
            field_dict["primary_lang_code"] = primary_lang_code
        if pipeline_template_id is not UNSET:
            field_dict["pipeline_template_id"] = pipeline_template_id
        if pipeline_template is not UNSET:
            field_dict["pipeline_template"] = pipeline_template
        if position is not UNSET:
            field_dict["position"] = position
        if example is not UNSET:
            field_dict["example"] = example
        if offer_tags is not UNSET:
            field_dict["offer_tags"] = offer_tags
        if followed is not UNSET:
            field_dict["followed"] = followed
        if hiring_manager_id is not UNSET:
            field_dict["hiring_manager_id"] = hiring_manager_id
        if recruiter_id is not UNSET:
            field_dict["recruiter_id"] = recruiter_id
        if mailbox_email is not UNSET:
            field_dict["mailbox_email"] = mailbox_email
        if options_cv is not UNSET:
            field_dict["options_cv"] = options_cv
        if options_cover_letter is not UNSET:
            field_dict["options_cover_letter"] = options_cover_letter
        if options_phone is not UNSET:
            field_dict["options_phone"] = options_phone
        if options_photo is not UNSET:
            field_dict["options_photo"] = options_photo
        if enabled_languages is not UNSET:
            field_dict["enabled_languages"] = enabled_languages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        title = _src_get("title", UNSET)
        slug = _src_get("slug", UNSET)
        guid = _src_get("guid", UNSET)
        kind = _src_get("kind", UNSET)
        status = _src_get("status", UNSET)
        url = _src_get("url", UNSET)
        careers_url = _src_get("careers_url", UNSET)
        adminapp_url = _src_get("adminapp_url", UNSET)
        location = _src_get("location", UNSET)
        city = _src_get("city", UNSET)
        country_code = _src_get("country_code", UNSET)
        state_code = _src_get("state_code", UNSET)
        state_name = _src_get("state_name", UNSET)
        postal_code = _src_get("postal_code", UNSET)
        street = _src_get("street", UNSET)
        remote = _src_get("remote", UNSET)
        department = _src_get("department", UNSET)
        department_id = _src_get("department_id", UNSET)
        employment_type = _src_get("employment_type", UNSET)
        category = _src_get("category", UNSET)
        education = _src_get("education", UNSET)
        experience = _src_get("experience", UNSET)
        min_hours = _src_get("min_hours", UNSET)
        max_hours = _src_get("max_hours", UNSET)
        _salary = _src_get("salary", UNSET)
        salary: None | OfferSalary | Unset = (
            _salary if _salary is None or _salary is UNSET else _parse_salary(_salary)
        )
        description = _src_get("description", UNSET)
        requirements = _src_get("requirements", UNSET)
        highlight_html = _src_get("highlight_html", UNSET)
        number_of_openings = _src_get("number_of_openings", UNSET)
        candidates_count = _src_get("candidates_count", UNSET)
        qualified_candidates_count = _src_get("qualified_candidates_count", UNSET)
        disqualified_candidates_count = _src_get("disqualified_candidates_count", UNSET)
        hired_candidates_count = _src_get("hired_candidates_count", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        _published_at = _src_get("published_at", UNSET)
        published_at: datetime.datetime | None | Unset = (
            _published_at
            if _published_at is None or _published_at is UNSET
            else stamp_or_unset(_published_at)
        )
        _closed_at = _src_get("closed_at", UNSET)
        closed_at: datetime.datetime | None | Unset = (
            _closed_at
            if _closed_at is None or _closed_at is UNSET
            else stamp_or_unset(_closed_at)
        )
        lang_code = _src_get("lang_code", UNSET)
        primary_lang_code = _src_get("primary_lang_code", UNSET)
        pipeline_template_id = _src_get("pipeline_template_id", UNSET)
        _pipeline_template = _src_get("pipeline_template", UNSET)
        pipeline_template: None | PipelineTemplate | Unset = (
            _pipeline_template
            if _pipeline_template is None or _pipeline_template is UNSET
            else _parse_pipeline_template(_pipeline_template)
        )
        position = _src_get("position", UNSET)
        example = _src_get("example", UNSET)
        offer_tags = _src_get("offer_tags", UNSET)
        followed = _src_get("followed", UNSET)
        hiring_manager_id = _src_get("hiring_manager_id", UNSET)
        recruiter_id = _src_get("recruiter_id", UNSET)
        mailbox_email = _src_get("mailbox_email", UNSET)
        options_cv = _src_get("options_cv", UNSET)
        options_cover_letter = _src_get("options_cover_letter", UNSET)
        options_phone = _src_get("options_phone", UNSET)
        options_photo = _src_get("options_photo", UNSET)
        _enabled_languages = _src_get("enabled_languages", UNSET)
        enabled_languages: list[OfferEnabledLanguagesItem] | Unset = (
            UNSET
            if _enabled_languages is UNSET
            else list(map(OfferEnabledLanguagesItem.from_dict, _enabled_languages))
        )
        _instance_ = cls(
            id,
            title,
            slug,
            guid,
            kind,
            status,
            url,
            careers_url,
            adminapp_url,
            location,
            city,
            country_code,
            state_code,
            state_name,
            postal_code,
            street,
            remote,
            department,
            department_id,
            employment_type,
            category,
            education,
            experience,
            min_hours,
            max_hours,
            salary,
            description,
            requirements,
            highlight_html,
            number_of_openings,
            candidates_count,
            qualified_candidates_count,
            disqualified_candidates_count,
            hired_candidates_count,
            created_at,
            updated_at,
            published_at,
            closed_at,
            lang_code,
            primary_lang_code,
            pipeline_template_id,
            pipeline_template,
            position,
            example,
            offer_tags,
            followed,
            hiring_manager_id,
            recruiter_id,
            mailbox_email,
            options_cv,
            options_cover_letter,
            options_phone,
            options_photo,
            enabled_languages,
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
        if published_at is UNSET and _published_at is not UNSET:
            _instance_.additional_properties["published_at"] = _published_at
        if closed_at is UNSET and _closed_at is not UNSET:
            _instance_.additional_properties["closed_at"] = _closed_at
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


def _parse_salary(data: object) -> None | OfferSalary | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        salary_type_0 = OfferSalary.from_dict(data)

        return salary_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | OfferSalary | Unset, data)


def _parse_pipeline_template(data: object) -> None | PipelineTemplate | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        pipeline_template_type_0 = PipelineTemplate.from_dict(data)

        return pipeline_template_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | PipelineTemplate | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.offer_enabled_languages_item import OfferEnabledLanguagesItem
from ..models.offer_salary import OfferSalary
from ..models.pipeline_template import PipelineTemplate
