/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vaern-document-private.h"

#include <glib/gi18n-lib.h>

#include "vaern-document.h"

/* The sample documents: the demo ("Eksempel Kommune", a fictional Danish
 * municipality to try the app on and to take screenshots of) and a generated
 * large document for benchmarks. Both are written through the public API of
 * the document, as a person would, so they exercise the same validation.
 *
 * The demo is plain data in static tables and the large document is index
 * arithmetic, so both come out the same every time: tests and screenshots can
 * rely on what is in them. The demo data is Danish because the organisation
 * is; it is data, not user interface, and so not marked for translation. */

/* The demo ---------------------------------------------------------------- */

typedef struct
{
  const char    *name;
  const char    *parent; /* NULL: top level; parents come before children */
  VaernUnitKind  kind;
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "Borgerservice og Digitalisering", NULL, VAERN_UNIT_KIND_STAFF },
  { "IT og Digitalisering", "Borgerservice og Digitalisering", VAERN_UNIT_KIND_DEPARTMENT },
  { "Borgerservice", "Borgerservice og Digitalisering", VAERN_UNIT_KIND_DEPARTMENT },
  { "Sekretariat og Jura", "Borgerservice og Digitalisering", VAERN_UNIT_KIND_DEPARTMENT },

  { "Børn og Unge", NULL, VAERN_UNIT_KIND_DIRECTORATE },
  { "Skoler og Dagtilbud", "Børn og Unge", VAERN_UNIT_KIND_DEPARTMENT },
  { "Familie og Rådgivning", "Børn og Unge", VAERN_UNIT_KIND_DEPARTMENT },
  { "PPR og Sundhedstjenester", "Børn og Unge", VAERN_UNIT_KIND_DEPARTMENT },
  { "Nordbyskolen", "Børn og Unge", VAERN_UNIT_KIND_INSTITUTION },

  { "Social, Sundhed og Ældre", NULL, VAERN_UNIT_KIND_DIRECTORATE },
  { "Hjemmeplejen", "Social, Sundhed og Ældre", VAERN_UNIT_KIND_DEPARTMENT },
  { "Handicap og Psykiatri", "Social, Sundhed og Ældre", VAERN_UNIT_KIND_DEPARTMENT },
  { "Sundhed og Forebyggelse", "Social, Sundhed og Ældre", VAERN_UNIT_KIND_DEPARTMENT },
  { "Plejecenter Egebo", "Social, Sundhed og Ældre", VAERN_UNIT_KIND_INSTITUTION },

  { "Teknik og Miljø", NULL, VAERN_UNIT_KIND_DIRECTORATE },
  { "Byggeri", "Teknik og Miljø", VAERN_UNIT_KIND_DEPARTMENT },
  { "Miljø og Affald", "Teknik og Miljø", VAERN_UNIT_KIND_DEPARTMENT },
  { "Veje og Trafik", "Teknik og Miljø", VAERN_UNIT_KIND_DEPARTMENT },

  { "Beskæftigelse og Kultur", NULL, VAERN_UNIT_KIND_DIRECTORATE },
  { "Jobcenter", "Beskæftigelse og Kultur", VAERN_UNIT_KIND_DEPARTMENT },
  { "Ydelsescenter", "Beskæftigelse og Kultur", VAERN_UNIT_KIND_DEPARTMENT },
  { "Biblioteker og Kultur", "Beskæftigelse og Kultur", VAERN_UNIT_KIND_DEPARTMENT },

  { "Økonomi og HR", NULL, VAERN_UNIT_KIND_STAFF },
  { "Økonomi", "Økonomi og HR", VAERN_UNIT_KIND_DEPARTMENT },
  { "Løn og Personale", "Økonomi og HR", VAERN_UNIT_KIND_DEPARTMENT },
  { "Indkøb og Udbud", "Økonomi og HR", VAERN_UNIT_KIND_DEPARTMENT },
};

/* The units that use a system used across the whole organisation. */
#define DEMO_ALL_UNITS \
  { "Borgerservice og Digitalisering", "Børn og Unge", "Social, Sundhed og Ældre", \
    "Teknik og Miljø", "Beskæftigelse og Kultur", "Økonomi og HR" }

typedef struct
{
  const char *key; /* the local part of the e-mail address; the tables below use it */
  const char *name;
  const char *title;
  const char *unit;
} DemoPerson;

static const DemoPerson demo_people[] = {
  { "mkh", "Mette Kjærgaard Holm", "Stabschef", "Borgerservice og Digitalisering" },
  { "abn", "Anders Bøgh Nielsen", "Informationssikkerhedskonsulent",
    "Borgerservice og Digitalisering" },
  { "lfj", "Louise Frost Jeppesen", "Databeskyttelsesrådgiver (DPO)",
    "Borgerservice og Digitalisering" },
  { "hls", "Henrik Lund Sørensen", "Afdelingschef", "IT og Digitalisering" },
  { "kv", "Kasper Vestergaard", "IT-konsulent", "IT og Digitalisering" },
  { "sba", "Sofie Bach Andersen", "Systemforvalter", "IT og Digitalisering" },
  { "jm", "Jonas Mølgaard", "Netværksadministrator", "IT og Digitalisering" },
  { "cri", "Camilla Riis", "Teamleder", "IT og Digitalisering" },
  { "bhl", "Birgitte Holm Laursen", "Afdelingschef", "Borgerservice" },
  { "tm", "Tina Mortensen", "Teamleder", "Borgerservice" },
  { "ah", "Ali Hassan", "Sagsbehandler", "Borgerservice" },
  { "ps", "Pernille Skov", "Digitaliseringskonsulent", "Borgerservice" },
  { "jko", "Jesper Kragh Olesen", "Sekretariatschef", "Sekretariat og Jura" },
  { "mt", "Marianne Thygesen", "Arkivar", "Sekretariat og Jura" },
  { "nb", "Nikolaj Brandt", "Jurist", "Sekretariat og Jura" },

  { "ld", "Lene Damgaard", "Forvaltningsdirektør", "Børn og Unge" },
  { "twk", "Thomas Winther Kristensen", "Skolechef", "Skoler og Dagtilbud" },
  { "hb", "Hanne Busk", "Dagtilbudschef", "Skoler og Dagtilbud" },
  { "mi", "Morten Iversen", "Pædagogisk IT-konsulent", "Skoler og Dagtilbud" },
  { "zy", "Zeynep Yilmaz", "Systemforvalter", "Skoler og Dagtilbud" },
  { "klp", "Karina Lykke Poulsen", "Afdelingschef", "Familie og Rådgivning" },
  { "me", "Mads Engberg", "Teamleder", "Familie og Rådgivning" },
  { "sq", "Sara Qvist", "Sagsbehandler", "Familie og Rådgivning" },
  { "ih", "Ida Hvidberg", "Afdelingschef", "PPR og Sundhedstjenester" },
  { "pa", "Peter Agerholm", "Overtandlæge", "PPR og Sundhedstjenester" },
  { "et", "Emma Thorsen", "Systemforvalter", "PPR og Sundhedstjenester" },
  { "cb", "Claus Bjerre", "Skoleleder", "Nordbyskolen" },
  { "mk", "Maja Kirkegaard", "IT-vejleder", "Nordbyskolen" },

  { "tr", "Torben Ravn", "Forvaltningsdirektør", "Social, Sundhed og Ældre" },
  { "sk", "Susanne Krogh", "Afdelingschef", "Hjemmeplejen" },
  { "lo", "Lars Overgaard", "Teamleder", "Hjemmeplejen" },
  { "heb", "Helle Bruun", "Systemforvalter", "Hjemmeplejen" },
  { "fea", "Fatima El-Amin", "Social- og sundhedsassistent", "Hjemmeplejen" },
  { "jh", "Jens Højgaard", "Afdelingschef", "Handicap og Psykiatri" },
  { "dk", "Dorthe Kaas", "Sagsbehandler", "Handicap og Psykiatri" },
  { "ml", "Mikkel Lauridsen", "Systemforvalter", "Handicap og Psykiatri" },
  { "amd", "Anne Marie Dalsgaard", "Fagchef", "Sundhed og Forebyggelse" },
  { "of", "Oliver Friis", "Velfærdsteknologisk konsulent", "Sundhed og Forebyggelse" },
  { "rs", "Rikke Sommer", "Misbrugskonsulent", "Sundhed og Forebyggelse" },
  { "bg", "Bente Gregersen", "Centerleder", "Plejecenter Egebo" },

  { "skj", "Søren Kjeldsen", "Forvaltningsdirektør", "Teknik og Miljø" },
  { "kt", "Kim Thomsen", "Afdelingschef", "Byggeri" },
  { "vn", "Vibeke Nørgaard", "Byggesagsbehandler", "Byggeri" },
  { "mj", "Michael Jakobsen", "GIS-koordinator", "Byggeri" },
  { "cl", "Charlotte Lindberg", "Afdelingschef", "Miljø og Affald" },
  { "fs", "Frederik Storm", "Miljømedarbejder", "Miljø og Affald" },
  { "pev", "Poul Erik Vinther", "Afdelingschef", "Veje og Trafik" },
  { "jhe", "Jakob Hedegaard", "Trafikplanlægger", "Veje og Trafik" },

  { "gr", "Gitte Rasmussen", "Forvaltningsdirektør", "Beskæftigelse og Kultur" },
  { "bho", "Brian Holt", "Jobcenterchef", "Jobcenter" },
  { "jn", "Julie Nyborg", "Teamleder", "Jobcenter" },
  { "ak", "Ahmad Karimi", "Jobkonsulent", "Jobcenter" },
  { "el", "Eva Lundgaard", "Afdelingschef", "Ydelsescenter" },
  { "cm", "Christian Mogensen", "Systemforvalter", "Ydelsescenter" },
  { "la", "Lise Abildgaard", "Kulturchef", "Biblioteker og Kultur" },
  { "us", "Ulrik Svendsen", "Bibliotekar", "Biblioteker og Kultur" },

  { "kb", "Kirsten Bang", "Stabschef", "Økonomi og HR" },
  { "fe", "Finn Ebbesen", "Økonomichef", "Økonomi" },
  { "sh", "Stine Holmgaard", "Controller", "Økonomi" },
  { "av", "Anja Vinding", "HR-chef", "Løn og Personale" },
  { "te", "Tobias Egelund", "Lønkonsulent", "Løn og Personale" },
  { "rk", "Rune Kristiansen", "Indkøbschef", "Indkøb og Udbud" },
  { "sm", "Signe Mathiesen", "Kontraktkonsulent", "Indkøb og Udbud" },
};

#define DEMO_MAX_USERS   6
#define DEMO_MAX_HOLDERS 3

/* An asset with its roles. For IT systems the owner is the systemejer, for
 * other assets the asset owner. A previous owner is assigned first and then
 * replaced by the owner, so the system has a history. */
typedef struct
{
  VaernAssetKind    kind;
  const char       *name;
  const char       *purpose;
  const char       *kitos_uuid;
  const char       *supplier;
  VaernHosting      hosting;
  VaernLifecycle    lifecycle;
  const char       *unit;
  const char       *users[DEMO_MAX_USERS];
  VaernPersonalData personal_data;
  VaernDpa          dpa;
  const char       *dpa_date;
  VaernLevel        criticality;
  VaernLevel        fit[3]; /* confidentiality, integrity, availability */
  const char       *next_review;
  const char       *notes;

  const char       *previous_owner;
  const char       *previous_from;
  const char       *owner;
  const char       *owner_from;
  const char       *admins[DEMO_MAX_HOLDERS];
  const char       *admins_from;
  const char       *contacts[DEMO_MAX_HOLDERS];
  const char       *contacts_from;
} DemoAsset;

static const DemoAsset demo_assets[] = {
  /* IT systems */
  {
    .name = "Journalix ESDH",
    .purpose = "Elektronisk sags- og dokumenthåndtering for hele kommunen.",
    .kitos_uuid = "cf54f8af-6b9b-4750-ac0b-0d6689f4fec9",
    .supplier = "Nordlys Software A/S",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sekretariat og Jura", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-04-12",
    .criticality = 4, .fit = { 4, 4, 3 }, .next_review = "2026-09-15",
    .previous_owner = "mkh", .previous_from = "2019-05-01",
    .owner = "jko", .owner_from = "2023-02-01",
    .admins = { "sba", "nb" }, .admins_from = "2021-05-01",
    .contacts = { "ps" }, .contacts_from = "2021-05-01",
  },
  {
    .name = "LønPlus",
    .purpose = "Lønberegning, lønudbetaling og indberetning til eIndkomst for alle medarbejdere.",
    .kitos_uuid = "7148566e-7093-4fbd-83e8-ef54222c58a0",
    .supplier = "Datahuset ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Løn og Personale",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-11-03",
    .criticality = 4, .fit = { 4, 4, 3 }, .next_review = "2027-03-01",
    .previous_owner = "kb", .previous_from = "2019-01-15",
    .owner = "av", .owner_from = "2022-06-01",
    .admins = { "te" }, .admins_from = "2020-12-01",
    .contacts = { "te" }, .contacts_from = "2020-12-01",
  },
  {
    .name = "SkoleNet Intra",
    .purpose = "Kommunikation og samarbejde mellem skole, elever og forældre.",
    .kitos_uuid = "b4525800-9a5c-478f-bfae-6230f5056091",
    .supplier = "Skolesoft ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Skoler og Dagtilbud", .users = { "Skoler og Dagtilbud", "Nordbyskolen" },
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2022-07-01",
    .criticality = 3, .fit = { 3, 3, 3 }, .next_review = "2027-01-31",
    .owner = "twk", .owner_from = "2022-08-01",
    .admins = { "mi", "zy" }, .admins_from = "2022-08-01",
    .contacts = { "mk" }, .contacts_from = "2023-08-01",
  },
  {
    .name = "Borgerportalen",
    .purpose = "Borgernes indgang til kommunens selvbetjening, sagsindsigt og digitale post.",
    .kitos_uuid = "2ad3241c-f179-4b90-9c13-5c85144f694f",
    .supplier = "Fællesdrift I/S",
    .hosting = VAERN_HOSTING_SHARED, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Borgerservice", .users = { "Borgerservice", "Jobcenter", "Ydelsescenter", "Byggeri" },
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-03-16",
    .criticality = 3, .fit = { 3, 3, 3 }, .next_review = "2027-02-15",
    .owner = "bhl", .owner_from = "2020-04-01",
    .admins = { "ps" }, .admins_from = "2020-04-01",
    .contacts = { "tm" }, .contacts_from = "2020-04-01",
  },
  {
    .name = "OmsorgsJournal",
    .purpose = "Dokumentation, visitation og planlægning af pleje og omsorg for borgere.",
    .kitos_uuid = "e1c8982d-5442-4372-9d32-4fea17592170",
    .supplier = "Kommunedata Syd",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Hjemmeplejen",
    .users = { "Hjemmeplejen", "Handicap og Psykiatri", "Sundhed og Forebyggelse",
               "Plejecenter Egebo" },
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-09-20",
    .criticality = 4, .fit = { 4, 4, 4 }, .next_review = "2026-06-30",
    .previous_owner = "sk", .previous_from = "2019-10-01",
    .owner = "tr", .owner_from = "2024-01-01",
    .admins = { "heb", "ml", "lo" }, .admins_from = "2019-10-01",
    .contacts = { "fea" }, .contacts_from = "2024-01-01",
  },
  {
    .name = "GeoKort",
    .purpose = "Kort og geografiske analyser af matrikler, lokalplaner, forsyning og natur.",
    .kitos_uuid = "ad443891-be5d-40b2-bfc8-978525255b70",
    .supplier = "Kortværket ApS",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Byggeri", .users = { "Byggeri", "Miljø og Affald", "Veje og Trafik" },
    .personal_data = VAERN_PERSONAL_DATA_NONE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 2, .fit = { 1, 3, 2 }, .next_review = "2027-05-01",
    .owner = "kt", .owner_from = "2019-08-15",
    .admins = { "mj" }, .admins_from = "2019-08-15",
  },
  {
    .name = "ByggeSag Online",
    .purpose = "Digital ansøgning om og sagsbehandling af byggetilladelser.",
    .kitos_uuid = "dc2e26b1-0c84-4597-b119-a0ac296e1b36",
    .supplier = "Nordlys Software A/S",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Byggeri",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-09-01",
    .criticality = 2, .fit = { 2, 3, 2 }, .next_review = "2027-04-15",
    .owner = "kt", .owner_from = "2021-09-15",
    .admins = { "vn" }, .admins_from = "2021-09-15",
    .contacts = { "vn" }, .contacts_from = "2021-09-15",
  },
  {
    .name = "BørneSag",
    .purpose = "Sagsbehandling af underretninger og foranstaltninger for børn og unge med "
               "særlige behov.",
    .kitos_uuid = "836b30ee-43ea-49b9-a343-f02aad5c8068",
    .supplier = "Kommunedata Syd",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Familie og Rådgivning",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-01-20",
    .criticality = 4, .fit = { 4, 4, 3 }, .next_review = "2027-01-15",
    .owner = "klp", .owner_from = "2020-02-01",
    .admins = { "me", "sq" }, .admins_from = "2020-02-01",
    .contacts = { "sq" }, .contacts_from = "2020-02-01",
  },
  {
    .name = "JobPortal",
    .purpose = "Registrering, jobsøgning og opfølgning for ledige og sygemeldte borgere.",
    .kitos_uuid = "135e54be-db1a-468a-8285-27be9f8e4190",
    .supplier = "Beskæftigelsesdata A/S",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Jobcenter",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-02-10",
    .criticality = 3, .fit = { 3, 3, 3 }, .next_review = "2027-06-01",
    .previous_owner = "gr", .previous_from = "2020-02-01",
    .owner = "bho", .owner_from = "2025-03-01",
    .admins = { "jn" }, .admins_from = "2020-02-01",
    .contacts = { "ak" }, .contacts_from = "2025-03-01",
  },
  {
    .name = "Økonomisystemet Konto",
    .purpose = "Kommunens økonomisystem til bogføring, budget, betalinger og regnskab.",
    .kitos_uuid = "5e770f3c-a1a2-4672-baca-f1cff853d4b4",
    .supplier = "Datahuset ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Økonomi", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-03-01",
    .criticality = 4, .fit = { 3, 4, 3 }, .next_review = "2027-02-01",
    .owner = "fe", .owner_from = "2019-03-01",
    .admins = { "sh" }, .admins_from = "2019-03-01",
    .contacts = { "sh" }, .contacts_from = "2019-03-01",
  },
  {
    .name = "Bibliotekssystem Læs",
    .purpose = "Udlån, reservationer og materialehåndtering på kommunens biblioteker.",
    .kitos_uuid = "5c3c2ce9-909d-4353-8e89-72b26a3138c2",
    .supplier = "Bogtrykket Software ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Biblioteker og Kultur",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-01-11",
    .criticality = 2, .fit = { 2, 2, 2 }, .next_review = "2027-08-01",
    .owner = "la", .owner_from = "2021-02-01",
    .admins = { "us" }, .admins_from = "2021-02-01",
    .contacts = { "us" }, .contacts_from = "2021-02-01",
  },
  {
    .name = "Vagtplan",
    .purpose = "Planlægning af vagter, fravær og tidsregistrering for medarbejdere i pleje og "
               "omsorg.",
    .kitos_uuid = NULL,
    .supplier = "Planlæg Nu ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Løn og Personale",
    .users = { "Hjemmeplejen", "Plejecenter Egebo", "Handicap og Psykiatri" },
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_MISSING,
    .criticality = 3, .fit = { 2, 3, 3 }, .next_review = "2027-03-15",
    .owner = "av", .owner_from = "2023-04-01",
    .admins = { "heb" }, .admins_from = "2023-04-01",
    .contacts = { "lo" }, .contacts_from = "2023-04-01",
  },
  {
    .name = "Ydelsesberegning",
    .purpose = "Beregning og udbetaling af kontanthjælp, sygedagpenge og andre ydelser.",
    .kitos_uuid = "229d1695-eb34-4a72-9316-7e722d01e99f",
    .supplier = "Fællesdrift I/S",
    .hosting = VAERN_HOSTING_SHARED, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Ydelsescenter",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-06-01",
    .criticality = 4, .fit = { 4, 4, 3 }, .next_review = "2027-01-20",
    .owner = "el", .owner_from = "2019-06-01",
    .admins = { "cm" }, .admins_from = "2019-06-01",
    .contacts = { "cm" }, .contacts_from = "2019-06-01",
  },
  {
    .name = "Ejendomsdata",
    .purpose = "Opslag i ejendoms- og ejeroplysninger til ejendomsskat og opkrævning.",
    .kitos_uuid = "2487c42b-b471-4068-990c-265f63a3c64e",
    .supplier = "Fællesdrift I/S",
    .hosting = VAERN_HOSTING_SHARED, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Økonomi", .users = { "Økonomi", "Byggeri" },
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-05-01",
    .criticality = 2, .fit = { 2, 3, 2 }, .next_review = "2027-05-15",
    .notes = "Systemejer er ikke udpeget igen efter omorganiseringen i 2025.",
    .admins = { "sh" }, .admins_from = "2020-06-01",
  },
  {
    .name = "Tandplejen Journal",
    .purpose = "Journalføring og indkaldelse af børn og unge i den kommunale tandpleje.",
    .kitos_uuid = "4a53d5a0-c68b-43a5-bc6f-831aeeaf9972",
    .supplier = "Dentaldata ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "PPR og Sundhedstjenester",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-03-15",
    .criticality = 3, .fit = { 4, 4, 2 }, .next_review = "2027-04-01",
    .owner = "ih", .owner_from = "2021-04-01",
    .admins = { "pa" }, .admins_from = "2021-04-01",
    .contacts = { "et" }, .contacts_from = "2021-04-01",
  },
  {
    .name = "PPR Sag",
    .purpose = "Journal og sagsbehandling for pædagogisk-psykologisk rådgivning.",
    .kitos_uuid = "7a39760e-751e-479c-823d-58842331867e",
    .supplier = "Skolesoft ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "PPR og Sundhedstjenester",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_MISSING,
    .criticality = 3, .fit = { 4, 3, 2 }, .next_review = "2027-02-28",
    .owner = "ih", .owner_from = "2022-01-10",
    .admins = { "et" }, .admins_from = "2022-01-10",
  },
  {
    .name = "Affaldsportal",
    .purpose = "Borgernes tilmelding til affaldsordninger, tømmekalender og bestilling af "
               "storskrald.",
    .kitos_uuid = "a7a7ea5a-a19b-475b-bd42-7f9769220ded",
    .supplier = "Genbrugsdata ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Miljø og Affald",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2022-02-01",
    .criticality = 2, .fit = { 2, 2, 3 }, .next_review = "2026-10-01",
    .owner = "cl", .owner_from = "2022-03-01",
    .admins = { "fs" }, .admins_from = "2022-03-01",
    .contacts = { "fs" }, .contacts_from = "2022-03-01",
  },
  {
    .name = "Velfærdsteknologi Hub",
    .purpose = "Samler data fra skærmbesøg, sensorer og medicindispensere hos borgere i eget "
               "hjem.",
    .kitos_uuid = "7f7ac856-699a-41bb-8c1f-9a72669c8526",
    .supplier = "CareConnect Nordic ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_PROCUREMENT,
    .unit = "Sundhed og Forebyggelse",
    .users = { "Hjemmeplejen", "Handicap og Psykiatri", "Sundhed og Forebyggelse" },
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2026-09-01",
    .criticality = 3, .fit = { 4, 3, 3 }, .next_review = "2027-09-01",
    .owner = "amd", .owner_from = "2026-08-15",
    .admins = { "of" }, .admins_from = "2026-08-15",
  },
  {
    .name = "Selvbetjeningsløsninger",
    .purpose = "Digitale blanketter og ansøgninger, som borgere og virksomheder udfylder på "
               "nettet.",
    .kitos_uuid = "87dc86fd-9523-4b27-98f0-b400a6b79987",
    .supplier = "Formular Danmark ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Borgerservice", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-06-01",
    .criticality = 3, .fit = { 3, 3, 2 }, .next_review = "2027-03-31",
    .owner = "bhl", .owner_from = "2021-06-15",
    .admins = { "ps" }, .admins_from = "2021-06-15",
    .contacts = { "tm" }, .contacts_from = "2021-06-15",
  },
  {
    .name = "Intranet",
    .purpose = "Intern nyhedsformidling, vejledninger og medarbejderoversigt.",
    .kitos_uuid = "84456350-d20b-4147-bebf-092a5f9c6c37",
    .supplier = "Intraweb ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Borgerservice og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-08-20",
    .criticality = 1, .fit = { 1, 2, 2 }, .next_review = "2027-10-01",
    .owner = "mkh", .owner_from = "2020-09-01",
    .admins = { "kv" }, .admins_from = "2020-09-01",
    .contacts = { "ps" }, .contacts_from = "2020-09-01",
  },
  {
    .name = "Mail og kalender",
    .purpose = "E-mail, kalender og mødebooking for alle medarbejdere.",
    .kitos_uuid = "83d9cb57-1c87-446a-bf7c-f0fc94107b95",
    .supplier = "Nimbus Office A/S",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-11-01",
    .criticality = 4, .fit = { 4, 3, 4 }, .next_review = "2027-01-10",
    .owner = "hls", .owner_from = "2021-11-15",
    .admins = { "kv", "jm" }, .admins_from = "2021-11-15",
    .contacts = { "cri" }, .contacts_from = "2021-11-15",
  },
  {
    .name = "Fildrev",
    .purpose = "Fællesdrev og afdelingsdrev til dokumenter, der ikke journaliseres.",
    .kitos_uuid = "75422d54-2584-4660-8a41-ed63eff6c9ed",
    .supplier = "Serverpartner Nord A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 3, .fit = { 3, 3, 3 }, .next_review = "2027-02-20",
    .owner = "hls", .owner_from = "2019-04-01",
    .admins = { "kv" }, .admins_from = "2019-04-01",
    .contacts = { "cri" }, .contacts_from = "2019-04-01",
  },
  {
    .name = "Backupløsning",
    .purpose = "Daglig sikkerhedskopiering af servere og data med en kopi i kommunens andet "
               "serverrum.",
    .kitos_uuid = "59c996f8-49d2-4ef9-a3a5-4f42c6992746",
    .supplier = "Sikkerlager ApS",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 4, .fit = { 4, 4, 4 }, .next_review = "2027-01-25",
    .owner = "hls", .owner_from = "2019-04-01",
    .admins = { "jm" }, .admins_from = "2019-04-01",
  },
  {
    .name = "Netværksovervågning",
    .purpose = "Overvågning af netværk, servere og internetforbindelser med alarmering.",
    .kitos_uuid = "6c087cfa-ba87-4376-bd26-aa548faf0aee",
    .supplier = "Netvagt ApS",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering",
    .personal_data = VAERN_PERSONAL_DATA_NONE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 3, .fit = { 2, 3, 4 }, .next_review = "2027-06-15",
    .owner = "hls", .owner_from = "2020-01-15",
    .admins = { "jm" }, .admins_from = "2020-01-15",
    .contacts = { "cri" }, .contacts_from = "2020-01-15",
  },
  {
    .name = "Adgangsstyring (IdM)",
    .purpose = "Oprettelse, ændring og nedlæggelse af brugere og rettigheder på tværs af "
               "systemerne.",
    .kitos_uuid = "15b94279-1ad1-4e5a-8231-cee2504787c0",
    .supplier = "Identa Software A/S",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2022-03-01",
    .criticality = 4, .fit = { 4, 4, 4 }, .next_review = "2027-03-10",
    .owner = "hls", .owner_from = "2022-03-15",
    .admins = { "kv", "sba" }, .admins_from = "2022-03-15",
    .contacts = { "cri" }, .contacts_from = "2022-03-15",
  },
  {
    .name = "MFA-løsning",
    .purpose = "Totrinsgodkendelse ved fjernadgang og log-ind i kritiske systemer.",
    .kitos_uuid = "58009785-0df6-4ab4-b733-99ded9382b38",
    .supplier = "Tofaktor Nordic ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2023-01-16",
    .criticality = 4, .fit = { 3, 4, 4 }, .next_review = "2027-04-20",
    .owner = "hls", .owner_from = "2023-02-01",
    .admins = { "sba" }, .admins_from = "2023-02-01",
  },
  {
    .name = "Printløsning",
    .purpose = "Central print og scanning med sikker udskrift via adgangskort.",
    .kitos_uuid = NULL,
    .supplier = "Printhuset Danmark A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 1, .fit = { 2, 1, 2 }, .next_review = "2026-03-31",
    .admins = { "cri" }, .admins_from = "2021-01-04",
  },
  {
    .name = "Telefoni",
    .purpose = "Fastnet- og mobiltelefoni, omstilling og køstyring i borgerservice.",
    .kitos_uuid = "9641f8f1-8ad0-4a04-9ac8-5a89b16f8af1",
    .supplier = "Samtale Tele A/S",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2022-10-01",
    .criticality = 3, .fit = { 2, 2, 4 }, .next_review = "2027-05-20",
    .owner = "mkh", .owner_from = "2022-10-15",
    .admins = { "jm" }, .admins_from = "2022-10-15",
    .contacts = { "tm" }, .contacts_from = "2022-10-15",
  },
  {
    .name = "Hjemmesiden",
    .purpose = "Kommunens offentlige hjemmeside med nyheder, information og indgange til "
               "selvbetjening.",
    .kitos_uuid = "627bd539-387e-4b9b-a692-c258ed2495b8",
    .supplier = "Webværk ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sekretariat og Jura",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-10-01",
    .criticality = 2, .fit = { 1, 3, 3 }, .next_review = "2027-07-01",
    .owner = "jko", .owner_from = "2020-10-15",
    .admins = { "ps" }, .admins_from = "2020-10-15",
  },
  {
    .name = "Dagtilbudsportal",
    .purpose = "Forældres opskrivning til og kommunikation med dagpleje, vuggestue og "
               "børnehave.",
    .kitos_uuid = "ec0fa294-8b4c-4127-acb7-b91082a0436c",
    .supplier = "Skolesoft ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Skoler og Dagtilbud",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2024-05-01",
    .criticality = 3, .fit = { 3, 3, 2 }, .next_review = "2027-05-01",
    .owner = "hb", .owner_from = "2024-05-15",
    .admins = { "zy" }, .admins_from = "2024-05-15",
    .contacts = { "zy" }, .contacts_from = "2024-05-15",
  },
  {
    .name = "Pladsanvisning",
    .purpose = "Tildeling af pladser i dagpleje, vuggestue og børnehave.",
    .kitos_uuid = "b73ecd20-399e-4cfa-857b-ebef0996a4e9",
    .supplier = "Kommunedata Syd",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_PHASING_OUT,
    .unit = "Skoler og Dagtilbud",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-02-01",
    .criticality = 2, .fit = { 3, 3, 2 }, .next_review = "2026-12-15",
    .notes = "Afløses af Dagtilbudsportal og lukkes ned i 2027.",
    .owner = "hb", .owner_from = "2019-02-15",
    .admins = { "zy" }, .admins_from = "2019-02-15",
  },
  {
    .name = "Misbrugsbehandling Journal",
    .purpose = "Journal for borgere i alkohol- og stofmisbrugsbehandling.",
    .kitos_uuid = "b3ac9878-978c-466d-9713-f6eca4130ceb",
    .supplier = "CareConnect Nordic ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sundhed og Forebyggelse",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_MISSING,
    .criticality = 3, .fit = { 4, 4, 2 }, .next_review = "2027-02-10",
    .owner = "amd", .owner_from = "2020-06-01",
    .admins = { "rs" }, .admins_from = "2020-06-01",
  },
  {
    .name = "Handicapsag",
    .purpose = "Sagsbehandling af hjælpemidler, boligændringer og støtte efter serviceloven.",
    .kitos_uuid = "6d010118-5a2c-4813-b2b8-0ed0964192ef",
    .supplier = "Kommunedata Syd",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Handicap og Psykiatri",
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-09-01",
    .criticality = 3, .fit = { 4, 3, 3 }, .next_review = "2026-11-01",
    .owner = "jh", .owner_from = "2020-09-15",
    .admins = { "ml" }, .admins_from = "2020-09-15",
    .contacts = { "dk" }, .contacts_from = "2020-09-15",
  },
  {
    .name = "Arkivsystem",
    .purpose = "Bevaring og aflevering af digitale arkivalier til kommunens arkiv.",
    .kitos_uuid = "e7eb1ec4-aa23-480e-ba33-919b56ca4919",
    .supplier = "Fællesdrift I/S",
    .hosting = VAERN_HOSTING_SHARED, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sekretariat og Jura", .users = { "Sekretariat og Jura", "Borgerservice" },
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-11-01",
    .criticality = 2, .fit = { 3, 4, 1 }, .next_review = "2027-09-15",
    .owner = "jko", .owner_from = "2019-11-15",
    .admins = { "mt" }, .admins_from = "2019-11-15",
  },
  {
    .name = "Byrådsportal",
    .purpose = "Dagsordener, referater og bilag til byrådet og de politiske udvalg.",
    .kitos_uuid = "5b9e7d2b-96c1-422a-b47d-92d4f48ac992",
    .supplier = "Mødeweb ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sekretariat og Jura",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-02-01",
    .criticality = 2, .fit = { 2, 3, 2 }, .next_review = "2027-06-30",
    .owner = "jko", .owner_from = "2021-02-15",
    .admins = { "nb" }, .admins_from = "2021-02-15",
  },
  {
    .name = "Indkøbssystem",
    .purpose = "Elektronisk indkøb på kommunens indkøbsaftaler og matchning af fakturaer.",
    .kitos_uuid = "ccc596b1-ca91-4124-a004-d95ddabbf420",
    .supplier = "Indkøbsnettet A/S",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Indkøb og Udbud", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2021-08-01",
    .criticality = 2, .fit = { 2, 3, 2 }, .next_review = "2027-08-15",
    .owner = "rk", .owner_from = "2021-08-15",
    .admins = { "sm" }, .admins_from = "2021-08-15",
  },
  {
    .name = "Kontraktstyring",
    .purpose = "Overblik over kontrakter, opsigelsesfrister og leverandøraftaler.",
    .kitos_uuid = "f75ece7d-cae9-4796-a6ca-9de1000a906f",
    .supplier = "Kontraktia ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Indkøb og Udbud",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_MISSING,
    .criticality = 2, .fit = { 3, 2, 1 }, .next_review = "2027-01-05",
    .owner = "rk", .owner_from = "2024-09-01",
    .admins = { "sm" }, .admins_from = "2024-09-01",
  },
  {
    .name = "Miljøtilsyn",
    .purpose = "Planlægning og dokumentation af miljøtilsyn med virksomheder og landbrug.",
    .kitos_uuid = "51599ede-a3dc-4d15-8703-2ba25157ed42",
    .supplier = "Nordlys Software A/S",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Miljø og Affald",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2020-04-15",
    .criticality = 2, .fit = { 2, 3, 2 }, .next_review = "2027-03-20",
    .admins = { "fs" }, .admins_from = "2020-05-01",
  },
  {
    .name = "Vejregister",
    .purpose = "Registrering af kommuneveje, skilte og vejarbejder.",
    .kitos_uuid = "8ca92388-dc8a-4007-a4da-e35394422447",
    .supplier = "Kortværket ApS",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Veje og Trafik",
    .personal_data = VAERN_PERSONAL_DATA_NONE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 1, .fit = { 1, 2, 2 }, .next_review = "2027-10-15",
    .owner = "pev", .owner_from = "2019-05-15",
    .admins = { "jhe" }, .admins_from = "2019-05-15",
  },
  {
    .name = "Parkeringssystem",
    .purpose = "Digitale parkeringstilladelser og kontrol af parkering i midtbyen.",
    .kitos_uuid = NULL,
    .supplier = "ParkIT Nord ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Veje og Trafik",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2023-06-01",
    .criticality = 2, .fit = { 2, 2, 2 }, .next_review = "2027-04-30",
    .admins = { "jhe" }, .admins_from = "2023-06-15",
  },
  {
    .name = "Læringsplatformen Viden",
    .purpose = "Digitale læremidler, opgaver og elevplaner i folkeskolen.",
    .kitos_uuid = NULL,
    .supplier = "Edulab Nordic ApS",
    .hosting = VAERN_HOSTING_CLOUD, .lifecycle = VAERN_LIFECYCLE_PROCUREMENT,
    .unit = "Skoler og Dagtilbud", .users = { "Skoler og Dagtilbud", "Nordbyskolen" },
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2026-10-15",
    .criticality = 2, .fit = { 2, 2, 2 }, .next_review = "2027-11-01",
    .owner = "twk", .owner_from = "2026-10-01",
    .admins = { "mi" }, .admins_from = "2026-10-01",
  },
  {
    .name = "SMS-gateway",
    .purpose = "Afsendelse af påmindelser og beskeder som sms fra fagsystemerne.",
    .kitos_uuid = "e225466e-e97f-4188-8f82-36acf5bb0bfa",
    .supplier = "Besked Danmark ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_PHASING_OUT,
    .unit = "IT og Digitalisering",
    .users = { "Børn og Unge", "Social, Sundhed og Ældre", "Beskæftigelse og Kultur" },
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-07-01",
    .criticality = 1, .fit = { 2, 2, 2 }, .next_review = "2026-12-31",
    .notes = "Udfases, når fagsystemerne sender beskeder via Digital Post.",
    .owner = "mkh", .owner_from = "2019-07-15",
    .admins = { "kv" }, .admins_from = "2019-07-15",
  },
  {
    .name = "Sagssystem Classic",
    .purpose = "Tidligere sags- og dokumenthåndtering; bruges kun til opslag i gamle sager.",
    .kitos_uuid = "a8ba95f7-04df-44f9-a6d5-f1b9c077af8c",
    .supplier = "Nordlys Software A/S",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_RETIRED,
    .unit = "Sekretariat og Jura",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-01-10",
    .criticality = 1, .fit = { 3, 2, 1 },
    .notes = "Data er overført til Journalix ESDH og afleveret til Arkivsystem i 2023.",
    .owner = "mkh", .owner_from = "2019-05-01",
  },

  /* Other assets ("øvrige aktiver") */
  {
    .kind = VAERN_ASSET_KIND_EQUIPMENT,
    .name = "Bærbare computere (medarbejdere)",
    .purpose = "Medarbejdernes bærbare computere med krypteret disk og central styring.",
    .supplier = "Computerlageret A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_SENSITIVE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 3, .fit = { 3, 2, 3 }, .next_review = "2027-01-15",
    .owner = "hls", .owner_from = "2020-01-02",
  },
  {
    .kind = VAERN_ASSET_KIND_EQUIPMENT,
    .name = "Mobiltelefoner",
    .purpose = "Tjenestetelefoner med mobilstyring (MDM) og mulighed for fjernsletning.",
    .supplier = "Samtale Tele A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering", .users = DEMO_ALL_UNITS,
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 2, .fit = { 3, 2, 2 }, .next_review = "2027-02-15",
    .owner = "cri", .owner_from = "2021-03-01",
  },
  {
    .kind = VAERN_ASSET_KIND_PREMISES,
    .name = "Serverrum Rådhuset",
    .purpose = "Kommunens primære serverrum med køling, nødstrøm og automatisk brandslukning.",
    .supplier = "Køleteknik Nord ApS",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "IT og Digitalisering",
    .personal_data = VAERN_PERSONAL_DATA_NONE,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 4, .fit = { 3, 3, 4 }, .next_review = "2027-03-01",
    .owner = "hls", .owner_from = "2019-04-01",
  },
  {
    .kind = VAERN_ASSET_KIND_PREMISES,
    .name = "Adgangskontrol Rådhuset",
    .purpose = "Adgangskort og kodelåse til Rådhusets indgange og sikrede zoner.",
    .supplier = "Låsesmeden Sikring A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Borgerservice og Digitalisering",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 3, .fit = { 3, 3, 3 }, .next_review = "2027-04-01",
    .owner = "mkh", .owner_from = "2021-05-01",
  },
  {
    .kind = VAERN_ASSET_KIND_ARCHIVE,
    .name = "Fjernarkiv (papir)",
    .purpose = "Papirarkiv med afsluttede sager, opbevaret hos en ekstern arkivleverandør.",
    .supplier = "Arkivlager Midt ApS",
    .hosting = VAERN_HOSTING_SUPPLIER, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Sekretariat og Jura",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_SIGNED, .dpa_date = "2019-10-01",
    .criticality = 2, .fit = { 4, 3, 1 }, .next_review = "2027-06-01",
    .owner = "mt", .owner_from = "2019-10-15",
  },
  {
    .kind = VAERN_ASSET_KIND_ARCHIVE,
    .name = "Arkivskabe Borgerservice",
    .purpose = "Aflåste skabe med papirsager og kopier af ID-dokumenter i Borgerservice.",
    .supplier = "",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Borgerservice",
    .personal_data = VAERN_PERSONAL_DATA_CPR,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 2, .fit = { 4, 2, 1 }, .next_review = "2027-02-01",
    .owner = "tm", .owner_from = "2022-01-10",
  },
  {
    .kind = VAERN_ASSET_KIND_EQUIPMENT,
    .name = "Skoletablets",
    .purpose = "Tablets til elever i indskolingen, administreret centralt.",
    .supplier = "Computerlageret A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Nordbyskolen",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 1, .fit = { 2, 1, 2 }, .next_review = "2027-07-15",
    .owner = "cb", .owner_from = "2023-08-01",
  },
  {
    .kind = VAERN_ASSET_KIND_OTHER,
    .name = "Nøglebokse hjemmeplejen",
    .purpose = "Nøglebokse og udlevering af koder til borgernes hjem.",
    .supplier = "Låsesmeden Sikring A/S",
    .hosting = VAERN_HOSTING_ON_PREMISES, .lifecycle = VAERN_LIFECYCLE_IN_USE,
    .unit = "Hjemmeplejen",
    .personal_data = VAERN_PERSONAL_DATA_ORDINARY,
    .dpa = VAERN_DPA_NOT_REQUIRED,
    .criticality = 3, .fit = { 4, 2, 3 }, .next_review = "2027-01-31",
    .owner = "lo", .owner_from = "2020-05-01",
  },
};

/* Shared helpers ---------------------------------------------------------- */

/* The document's add functions return the new row's id, or 0 with the error
 * set. A failure without an error would leave the caller with nothing to show,
 * so it gets a general one. */
static gboolean
take_id (gint64   id,
         GError  *local_error,
         gint64  *out_id,
         GError **error)
{
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (id <= 0)
    {
      g_set_error_literal (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED,
                           _("The sample document could not be written."));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static gboolean
add_unit (VaernDocument *doc,
          gint64         parent_id,
          const char    *name,
          VaernUnitKind  kind,
          gint64        *id,
          GError       **error)
{
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  GError *local_error = NULL;
  gint64 new_id;

  unit->parent_id = parent_id;
  unit->name = g_strdup (name);
  unit->kind = kind;

  new_id = vaern_document_add_unit (doc, unit, &local_error);
  return take_id (new_id, local_error, id, error);
}

static gboolean
add_person (VaernDocument *doc,
            const char    *name,
            const char    *title,
            const char    *email,
            const char    *phone,
            gint64         unit_id,
            gint64        *id,
            GError       **error)
{
  g_autoptr(VaernPerson) person = vaern_person_new ();
  GError *local_error = NULL;
  gint64 new_id;

  person->name = g_strdup (name);
  person->title = g_strdup (title);
  person->email = g_strdup (email);
  person->phone = g_strdup (phone);
  person->unit_id = unit_id;

  new_id = vaern_document_add_person (doc, person, &local_error);
  return take_id (new_id, local_error, id, error);
}

static gboolean
add_asset (VaernDocument *doc,
           VaernAsset    *asset,
           gint64        *id,
           GError       **error)
{
  GError *local_error = NULL;
  gint64 new_id;

  new_id = vaern_document_add_asset (doc, asset, &local_error);
  return take_id (new_id, local_error, id, error);
}

static gboolean
assign (VaernDocument *doc,
        gint64         asset_id,
        gint64         person_id,
        gint64         role_id,
        const char    *from_date,
        gboolean       replace,
        GError       **error)
{
  GError *local_error = NULL;
  gint64 new_id;

  new_id = vaern_document_assign (doc, asset_id, person_id, role_id, from_date, replace,
                                  &local_error);
  return take_id (new_id, local_error, NULL, error);
}

/* The ids of the built-in roles, which every new document has. */
typedef struct
{
  gint64 owner;
  gint64 admin;
  gint64 contact;
  gint64 asset_owner;
} RoleIds;

static gboolean
find_role (VaernDocument *doc,
           const char    *key,
           gint64        *id,
           GError       **error)
{
  g_autoptr(VaernRole) role = vaern_document_find_role_by_key (doc, key);

  if (role == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is the key of a built-in role, like "system_owner" */
                   _("The document lacks the built-in role “%s”."), key);
      return FALSE;
    }

  *id = vaern_record_get_id (VAERN_RECORD (role));
  return TRUE;
}

static gboolean
find_roles (VaernDocument *doc,
            RoleIds       *roles,
            GError       **error)
{
  return find_role (doc, VAERN_ROLE_SYSTEM_OWNER, &roles->owner, error) &&
         find_role (doc, VAERN_ROLE_ADMINISTRATOR, &roles->admin, error) &&
         find_role (doc, VAERN_ROLE_CONTACT, &roles->contact, error) &&
         find_role (doc, VAERN_ROLE_ASSET_OWNER, &roles->asset_owner, error);
}

/* Filling the demo -------------------------------------------------------- */

typedef struct
{
  VaernDocument *doc;
  RoleIds        roles;
  gint64         unit_ids[G_N_ELEMENTS (demo_units)];
  gint64         person_ids[G_N_ELEMENTS (demo_people)];
} DemoBuilder;

/* The tables refer to units by name and to people by key; a name that is not
 * there is a mistake in the tables, not something a user can cause. */
static gint64
demo_unit_id (DemoBuilder *b,
              const char  *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      if (g_str_equal (demo_units[i].name, name))
        return b->unit_ids[i];
    }

  g_critical ("Demo data refers to an unknown unit “%s”", name);
  return 0;
}

static gint64
demo_person_id (DemoBuilder *b,
                const char  *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      if (g_str_equal (demo_people[i].key, key))
        return b->person_ids[i];
    }

  g_critical ("Demo data refers to an unknown person “%s”", key);
  return 0;
}

static gboolean
demo_add_units (DemoBuilder *b,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *u = &demo_units[i];
      gint64 parent_id = u->parent != NULL ? demo_unit_id (b, u->parent) : 0;

      if (!add_unit (b->doc, parent_id, u->name, u->kind, &b->unit_ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
demo_add_people (DemoBuilder *b,
                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *p = &demo_people[i];
      g_autofree char *email = g_strdup_printf ("%s@eksempel-kommune.dk", p->key);
      /* Made-up direct lines on one made-up switchboard. */
      g_autofree char *phone = g_strdup_printf ("+45 89 40 %02u %02u", 10 + i / 100,
                                                (i * 37 + 11) % 100);

      if (!add_person (b->doc, p->name, p->title, email, phone, demo_unit_id (b, p->unit),
                       &b->person_ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static VaernAsset *
demo_asset_new (DemoBuilder     *b,
                const DemoAsset *a)
{
  VaernAsset *asset = vaern_asset_new ();

  asset->kind = a->kind;
  asset->name = g_strdup (a->name);
  asset->purpose = g_strdup (a->purpose);
  asset->kitos_uuid = g_strdup (a->kitos_uuid);
  asset->supplier = g_strdup (a->supplier);
  asset->hosting = a->hosting;
  asset->lifecycle = a->lifecycle;
  asset->unit_id = demo_unit_id (b, a->unit);
  asset->personal_data = a->personal_data;
  asset->dpa = a->dpa;
  asset->dpa_date = g_strdup (a->dpa_date);
  asset->criticality = a->criticality;
  asset->confidentiality = a->fit[0];
  asset->integrity = a->fit[1];
  asset->availability = a->fit[2];
  asset->next_review = g_strdup (a->next_review);
  asset->notes = g_strdup (a->notes);

  if (a->users[0] != NULL)
    {
      g_clear_pointer (&asset->using_unit_ids, g_array_unref);
      asset->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < G_N_ELEMENTS (a->users) && a->users[i] != NULL; i++)
        {
          gint64 unit_id = demo_unit_id (b, a->users[i]);

          g_array_append_val (asset->using_unit_ids, unit_id);
        }
    }

  return asset;
}

static gboolean
demo_assign_all (DemoBuilder       *b,
                 gint64             asset_id,
                 gint64             role_id,
                 const char *const *keys,
                 guint              n_keys,
                 const char        *from_date,
                 GError           **error)
{
  for (guint i = 0; i < n_keys && keys[i] != NULL; i++)
    {
      if (!assign (b->doc, asset_id, demo_person_id (b, keys[i]), role_id, from_date, FALSE,
                   error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
demo_add_assets (DemoBuilder *b,
                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_assets); i++)
    {
      const DemoAsset *a = &demo_assets[i];
      g_autoptr(VaernAsset) asset = demo_asset_new (b, a);
      gint64 owner_role;
      gint64 asset_id;

      if (!add_asset (b->doc, asset, &asset_id, error))
        return FALSE;

      owner_role = a->kind == VAERN_ASSET_KIND_SYSTEM ? b->roles.owner : b->roles.asset_owner;

      /* The previous owner goes first; assigning the owner with replace then
       * ends that assignment, which stays in the history. */
      if (a->previous_owner != NULL &&
          !assign (b->doc, asset_id, demo_person_id (b, a->previous_owner), owner_role,
                   a->previous_from, FALSE, error))
        return FALSE;

      if (a->owner != NULL &&
          !assign (b->doc, asset_id, demo_person_id (b, a->owner), owner_role, a->owner_from,
                   a->previous_owner != NULL, error))
        return FALSE;

      if (!demo_assign_all (b, asset_id, b->roles.admin, a->admins, G_N_ELEMENTS (a->admins),
                            a->admins_from, error))
        return FALSE;

      if (!demo_assign_all (b, asset_id, b->roles.contact, a->contacts,
                            G_N_ELEMENTS (a->contacts), a->contacts_from, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
demo_fill (VaernDocument *self,
           GError       **error)
{
  DemoBuilder b = { .doc = self };

  return find_roles (self, &b.roles, error) &&
         vaern_document_set_organisation (self, "Eksempel Kommune", "29189900", error) &&
         demo_add_units (&b, error) &&
         demo_add_people (&b, error) &&
         demo_add_assets (&b, error) &&
         /* Two to four risks for most assets; every ninth not assessed yet. */
         doc_add_sample_risks (self, 2, 4, 9, 2700, error) &&
         doc_add_sample_soa (self, error) &&
         doc_add_sample_wheel (self, 0, error);
}

/**
 * vaern_document_fill_demo:
 * @self: a newly created document
 * @error: return location for a #GError
 *
 * Fills @self with the demo: Eksempel Kommune, a fictional Danish
 * municipality with its units, staff, IT systems, other assets and role
 * assignments, including the findings the register should show (systems
 * without a systemejer, missing data processor agreements, overdue reviews).
 * It is one edit: on failure nothing is left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
vaern_document_fill_demo (VaernDocument  *self,
                          GError        **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vaern_document_begin_batch (self, _("Create demo document"), error))
    return FALSE;

  if (!demo_fill (self, error))
    {
      vaern_document_end_batch (self, FALSE, NULL);
      return FALSE;
    }

  return vaern_document_end_batch (self, TRUE, error);
}

/* The large document ------------------------------------------------------ */

#define LARGE_N_TOP_UNITS   6
#define LARGE_N_CHILD_UNITS 4
#define LARGE_N_UNITS       (LARGE_N_TOP_UNITS * (1 + LARGE_N_CHILD_UNITS))

static const struct
{
  const char    *name;
  VaernUnitKind  kind;
} large_top_units[LARGE_N_TOP_UNITS] = {
  { "Borgerservice", VAERN_UNIT_KIND_STAFF },
  { "Børn og Unge", VAERN_UNIT_KIND_DIRECTORATE },
  { "Social og Sundhed", VAERN_UNIT_KIND_DIRECTORATE },
  { "Teknik og Miljø", VAERN_UNIT_KIND_DIRECTORATE },
  { "Beskæftigelse", VAERN_UNIT_KIND_DIRECTORATE },
  { "Økonomi og HR", VAERN_UNIT_KIND_STAFF },
};

static const VaernUnitKind large_child_kinds[LARGE_N_CHILD_UNITS] = {
  VAERN_UNIT_KIND_DEPARTMENT,
  VAERN_UNIT_KIND_DEPARTMENT,
  VAERN_UNIT_KIND_INSTITUTION,
  VAERN_UNIT_KIND_TEAM,
};

static const char *const large_titles[] = {
  "Sagsbehandler", "Teamleder", "Systemforvalter", "IT-konsulent", "Afdelingschef",
  "Konsulent", "Fagchef", "Specialist", "Forvaltningsdirektør", "Koordinator",
};

static const char *const large_words[] = {
  "Sagsbehandling", "Økonomi", "Journal", "Portal", "Booking", "Planlægning", "Arkiv", "Kort",
  "Register", "Integration", "Statistik", "Selvbetjening", "Overvågning", "Kommunikation",
  "Indberetning", "Tilsyn", "Visitation", "Betaling", "Udlån", "Rapportering",
};

static const char *const large_suppliers[] = {
  "Nordlys Software A/S", "Datahuset ApS", "Kommunedata Syd", "Fællesdrift I/S",
  "Skolesoft ApS", "Kortværket ApS", "CareConnect Nordic ApS", "Identa Software A/S",
  "Nimbus Office A/S", "Formular Danmark ApS", "Netvagt ApS", "Sikkerlager ApS",
  "Webværk ApS",
};

static const VaernAssetKind large_other_kinds[] = {
  VAERN_ASSET_KIND_EQUIPMENT,
  VAERN_ASSET_KIND_PREMISES,
  VAERN_ASSET_KIND_ARCHIVE,
  VAERN_ASSET_KIND_OTHER,
};

/* A linear congruential generator (the constants of Numerical Recipes) with a
 * fixed seed: the same "random" document every time. */
typedef struct
{
  guint32 state;
} LargeRandom;

static guint32
large_random_next (LargeRandom *r)
{
  r->state = r->state * 1664525u + 1013904223u;
  /* The low bits of an LCG repeat quickly; use the high ones. */
  return r->state >> 8;
}

static char *
large_date (guint year,
            guint days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  g_date_add_days (&date, days);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

static char *
large_uuid (LargeRandom *r)
{
  guint32 a = large_random_next (r), b = large_random_next (r), c = large_random_next (r);
  guint32 d = large_random_next (r), e = large_random_next (r), f = large_random_next (r);

  /* 24 random bits each; version 4, variant 1, like the UUIDs KITOS hands out. */
  return g_strdup_printf ("%06x%02x-%04x-4%03x-%04x-%06x%06x", a, b & 0xff, c & 0xffff,
                          d & 0xfff, 0x8000 | (e & 0x3fff), f, (b >> 8) ^ e);
}

static gboolean
large_add_units (VaernDocument *self,
                 gint64        *unit_ids,
                 GError       **error)
{
  guint n = 0;

  for (guint t = 0; t < LARGE_N_TOP_UNITS; t++)
    {
      gint64 top_id;

      if (!add_unit (self, 0, large_top_units[t].name, large_top_units[t].kind, &top_id, error))
        return FALSE;
      unit_ids[n++] = top_id;

      for (guint c = 0; c < LARGE_N_CHILD_UNITS; c++)
        {
          g_autofree char *name = g_strdup_printf ("%s – afdeling %u", large_top_units[t].name,
                                                   c + 1);

          if (!add_unit (self, top_id, name, large_child_kinds[c], &unit_ids[n++], error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
large_add_people (VaernDocument *self,
                  const gint64  *unit_ids,
                  gint64        *person_ids,
                  guint          n_people,
                  GError       **error)
{
  for (guint i = 0; i < n_people; i++)
    {
      guint number = i + 1;
      g_autofree char *name = g_strdup_printf ("Person %04u", number);
      g_autofree char *email = g_strdup_printf ("p%04u@stor.example", number);
      g_autofree char *phone = g_strdup_printf ("+45 70 %02u %02u %02u", number / 10000 % 100,
                                                number / 100 % 100, number % 100);

      if (!add_person (self, name, large_titles[i % G_N_ELEMENTS (large_titles)], email, phone,
                       unit_ids[i % LARGE_N_UNITS], &person_ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static VaernAsset *
large_asset_new (guint         i,
                 const gint64 *unit_ids,
                 LargeRandom  *r)
{
  VaernAsset *asset = vaern_asset_new ();
  const char *word = large_words[i % G_N_ELEMENTS (large_words)];
  g_autofree char *word_down = g_utf8_strdown (word, -1);
  guint roll = large_random_next (r) % 20;

  asset->kind = i % 10 == 9 ? large_other_kinds[i / 10 % G_N_ELEMENTS (large_other_kinds)]
                            : VAERN_ASSET_KIND_SYSTEM;
  asset->name = g_strdup_printf ("System %04u – %s", i + 1, word);
  asset->purpose = g_strdup_printf ("Genereret testdata: understøtter %s.", word_down);
  asset->kitos_uuid = i % 8 == 7 ? NULL : large_uuid (r);
  asset->supplier = g_strdup (large_suppliers[i * 7 % G_N_ELEMENTS (large_suppliers)]);
  asset->hosting = i % vaern_enum_hosting.n_entries;

  /* Mostly in use, a few of each other stage. */
  if (roll == 0)
    asset->lifecycle = VAERN_LIFECYCLE_PROCUREMENT;
  else if (roll == 1)
    asset->lifecycle = VAERN_LIFECYCLE_PHASING_OUT;
  else if (roll == 2)
    asset->lifecycle = VAERN_LIFECYCLE_RETIRED;
  else
    asset->lifecycle = VAERN_LIFECYCLE_IN_USE;

  asset->unit_id = unit_ids[i % LARGE_N_UNITS];
  asset->personal_data = i / 3 % vaern_enum_personal_data.n_entries;

  /* Own operation or no personal data needs no agreement; every 13th of the
   * rest lacks one, a finding. */
  if (asset->personal_data == VAERN_PERSONAL_DATA_NONE ||
      asset->hosting == VAERN_HOSTING_ON_PREMISES)
    asset->dpa = VAERN_DPA_NOT_REQUIRED;
  else if (i % 13 == 5)
    asset->dpa = VAERN_DPA_MISSING;
  else
    {
      asset->dpa = VAERN_DPA_SIGNED;
      asset->dpa_date = large_date (2018, i * 29 % 2900);
    }

  /* Every 17th is not assessed yet. */
  if (i % 17 != 3)
    {
      asset->criticality = 1 + large_random_next (r) % 4;
      asset->confidentiality = 1 + large_random_next (r) % 4;
      asset->integrity = 1 + large_random_next (r) % 4;
      asset->availability = 1 + large_random_next (r) % 4;
    }

  /* Reviews spread over 2026 and 2027, so some are overdue. */
  if (asset->lifecycle != VAERN_LIFECYCLE_RETIRED)
    asset->next_review = large_date (2026, i * 41 % 730);

  /* Every fifth is used by three units. */
  if (i % 5 == 0)
    {
      asset->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint k = 0; k < 3; k++)
        {
          gint64 unit_id = unit_ids[(i + k * 7) % LARGE_N_UNITS];

          g_array_append_val (asset->using_unit_ids, unit_id);
        }
    }

  return asset;
}

/* The people who hold the roles of asset @i: deterministic, spread over
 * everyone, and never the same person twice in one role. */
static gboolean
large_assign_roles (VaernDocument *self,
                    guint          i,
                    gint64         asset_id,
                    VaernAssetKind kind,
                    const RoleIds *roles,
                    const gint64  *person_ids,
                    guint          n_people,
                    GError       **error)
{
  static const guint n_admins_cycle[] = { 1, 2, 1, 3 };
  /* Roles taken on between 2020 and 2025; an earlier owner a year before. */
  guint day = i * 53 % 2000;
  g_autofree char *earlier = large_date (2019, day);
  g_autofree char *from = large_date (2020, day);
  gboolean history = i % 50 == 0 && n_people > 1;
  guint admins[3];
  guint n_admins = 0;

  if (n_people == 0)
    return TRUE;

  if (kind != VAERN_ASSET_KIND_SYSTEM)
    return assign (self, asset_id, person_ids[i * 37 % n_people], roles->asset_owner, from,
                   FALSE, error);

  /* 5 % of the systems have no systemejer; every 50th has had another one
   * before. */
  if (i % 20 != 7)
    {
      if (history &&
          !assign (self, asset_id, person_ids[(i * 37 + 1) % n_people], roles->owner, earlier,
                   FALSE, error))
        return FALSE;

      if (!assign (self, asset_id, person_ids[i * 37 % n_people], roles->owner, from, history,
                   error))
        return FALSE;
    }

  for (guint k = 0; k < n_admins_cycle[i % G_N_ELEMENTS (n_admins_cycle)]; k++)
    {
      guint p = (i * 37 + 11 + k * 101) % n_people;
      gboolean seen = FALSE;

      for (guint j = 0; j < n_admins; j++)
        seen |= admins[j] == p;
      if (seen)
        continue;

      admins[n_admins++] = p;
      if (!assign (self, asset_id, person_ids[p], roles->admin, from, FALSE, error))
        return FALSE;
    }

  if (i % 2 == 0 &&
      !assign (self, asset_id, person_ids[(i * 37 + 500) % n_people], roles->contact, from,
               FALSE, error))
    return FALSE;

  return TRUE;
}

static gboolean
large_fill (VaernDocument *self,
            guint          n_systems,
            guint          n_people,
            guint          n_risks,
            GError       **error)
{
  gint64 unit_ids[LARGE_N_UNITS];
  g_autofree gint64 *person_ids = g_new0 (gint64, MAX (n_people, 1));
  LargeRandom random = { 27001 };
  RoleIds roles;

  if (!find_roles (self, &roles, error) ||
      !vaern_document_set_organisation (self, "Stor Kommune (testdata)", "12345674", error) ||
      !large_add_units (self, unit_ids, error) ||
      !large_add_people (self, unit_ids, person_ids, n_people, error))
    return FALSE;

  for (guint i = 0; i < n_systems; i++)
    {
      g_autoptr(VaernAsset) asset = large_asset_new (i, unit_ids, &random);
      gint64 asset_id;

      if (!add_asset (self, asset, &asset_id, error) ||
          !large_assign_roles (self, i, asset_id, asset->kind, &roles, person_ids, n_people,
                               error))
        return FALSE;
    }

  /* The risks, spread evenly: ten per asset for 20,000 on 2,000. */
  if (n_risks > 0 && n_systems > 0)
    return doc_add_sample_risks (self, n_risks / n_systems, n_risks / n_systems, 0, 27001, error)
           && doc_add_sample_soa (self, error)
           && doc_add_sample_wheel (self, 2000 - 22, error);
  return TRUE;
}

/**
 * vaern_document_fill_large:
 * @self: a newly created document
 * @n_systems: how many assets to generate (every tenth is not an IT system)
 * @n_people: how many people to generate
 * @n_risks: how many risks to generate, spread evenly over the assets
 * @error: return location for a #GError
 *
 * Fills @self with a generated organisation of the size of a large
 * municipality, for benchmarks and for trying the views on many rows: about
 * 30 units, @n_people people, @n_systems assets, their role assignments and
 * @n_risks risks.
 * The same arguments always give the same document. It is one edit, so it is
 * written in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
vaern_document_fill_large (VaernDocument  *self,
                           guint           n_systems,
                           guint           n_people,
                           guint           n_risks,
                           GError        **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vaern_document_begin_batch (self, _("Create large test document"), error))
    return FALSE;

  if (!large_fill (self, n_systems, n_people, n_risks, error))
    {
      vaern_document_end_batch (self, FALSE, NULL);
      return FALSE;
    }

  return vaern_document_end_batch (self, TRUE, error);
}

gboolean
vaern_document_make_sample (VaernDocument *self,
                            gboolean       large,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  vaern_document_set_audit (self, FALSE);
  ok = large ? vaern_document_fill_large (self, 2000, 1000, 20000, error)
             : vaern_document_fill_demo (self, error);
  vaern_document_set_audit (self, TRUE);
  vaern_document_forget_undo (self);
  return ok;
}
