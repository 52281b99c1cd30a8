/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "core/vaern-enums.h"
#include "core/vaern-findings.h"

static void
test_date_parse (void)
{
  static const struct { const char *in; const char *out; } good[] = {
    { "2026-11-23", "2026-11-23" },
    { "23-11-2026", "2026-11-23" },
    { "23.11.2026", "2026-11-23" },
    { "23/11/2026", "2026-11-23" },
    { " 1-2-2027 ", "2027-02-01" },
    { "29-02-2028", "2028-02-29" },
  };
  static const char *const bad[] = {
    "31-02-2026", "29-02-2027", "2026-13-01", "snart", "23-11", "23.11-2026", "00-01-2026",
    "2026/11/23x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = vaern_date_parse (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = vaern_date_parse (bad[i], &error);

      g_assert_null (iso);
      g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID_DATE);
    }

  /* Empty is "no date", not an error. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (vaern_date_parse ("  ", &error));
    g_assert_no_error (error);
  }
}

static void
test_date_format (void)
{
  g_autofree char *a = vaern_date_format ("2026-11-23");
  g_autofree char *b = vaern_date_format (NULL);

  g_assert_cmpstr (a, ==, "23-11-2026");
  g_assert_cmpstr (b, ==, "");
  g_assert_true (vaern_date_is_valid ("2028-02-29"));
  g_assert_false (vaern_date_is_valid ("2027-02-29"));
  g_assert_false (vaern_date_is_valid ("2027-2-9"));
}

static void
test_enums (void)
{
  const VaernEnum *all[] = {
    &vaern_enum_asset_kind, &vaern_enum_lifecycle, &vaern_enum_personal_data, &vaern_enum_dpa,
    &vaern_enum_hosting, &vaern_enum_level, &vaern_enum_unit_kind, &vaern_enum_role_scope,
  };
  guint value = 99;

  for (guint e = 0; e < G_N_ELEMENTS (all); e++)
    for (guint i = 0; i < all[e]->n_entries; i++)
      {
        g_assert_true (vaern_enum_from_key (all[e], vaern_enum_key (all[e], i), &value));
        g_assert_cmpuint (value, ==, i);
        g_assert_true (vaern_enum_parse (all[e], vaern_enum_label (all[e], i), &value));
        g_assert_cmpuint (value, ==, i);
      }

  g_assert_true (vaern_enum_parse (&vaern_enum_lifecycle, "  in use ", &value));
  g_assert_cmpuint (value, ==, VAERN_LIFECYCLE_IN_USE);
  g_assert_true (vaern_enum_parse (&vaern_enum_lifecycle, "PHASING_OUT", &value));
  g_assert_cmpuint (value, ==, VAERN_LIFECYCLE_PHASING_OUT);
  g_assert_false (vaern_enum_parse (&vaern_enum_lifecycle, "maybe", &value));
  g_assert_false (vaern_enum_from_key (&vaern_enum_lifecycle, NULL, &value));
}

static void
test_findings (void)
{
  vaern_date_set_today ("2026-11-23");

  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE, FALSE,
                                            VAERN_PERSONAL_DATA_NONE, VAERN_DPA_NOT_REQUIRED, NULL),
                    ==, VAERN_FINDING_NO_OWNER);
  /* Other assets have asset owners, not systemejere. */
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_ARCHIVE, VAERN_LIFECYCLE_IN_USE, FALSE,
                                            VAERN_PERSONAL_DATA_NONE, VAERN_DPA_NOT_REQUIRED, NULL),
                    ==, VAERN_FINDING_NONE);
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE, TRUE,
                                            VAERN_PERSONAL_DATA_CPR, VAERN_DPA_MISSING, NULL),
                    ==, VAERN_FINDING_DPA_MISSING);
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE, TRUE,
                                            VAERN_PERSONAL_DATA_NONE, VAERN_DPA_MISSING, NULL),
                    ==, VAERN_FINDING_NONE);
  /* Today is not overdue; yesterday is. */
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE, TRUE,
                                            VAERN_PERSONAL_DATA_NONE, VAERN_DPA_NOT_REQUIRED,
                                            "2026-11-23"), ==, VAERN_FINDING_NONE);
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE, TRUE,
                                            VAERN_PERSONAL_DATA_NONE, VAERN_DPA_NOT_REQUIRED,
                                            "2026-11-22"), ==, VAERN_FINDING_REVIEW_OVERDUE);
  /* A retired system raises nothing. */
  g_assert_cmpuint (vaern_findings_compute (VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_RETIRED, FALSE,
                                            VAERN_PERSONAL_DATA_CPR, VAERN_DPA_MISSING,
                                            "2020-01-01"), ==, VAERN_FINDING_NONE);
}

static void
test_date_add_days (void)
{
  g_autofree char *a = vaern_date_add_days ("2026-11-23", 30);
  g_autofree char *b = vaern_date_add_days ("2028-03-01", -1);
  g_autofree char *c = vaern_date_add_days ("2026-12-31", 1);

  g_assert_cmpstr (a, ==, "2026-12-23");
  g_assert_cmpstr (b, ==, "2028-02-29");
  g_assert_cmpstr (c, ==, "2027-01-01");
  g_assert_null (vaern_date_add_days ("2026-02-30", 1));
  g_assert_null (vaern_date_add_days (NULL, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/core/date-parse", test_date_parse);
  g_test_add_func ("/vaern/core/date-format", test_date_format);
  g_test_add_func ("/vaern/core/date-add-days", test_date_add_days);
  g_test_add_func ("/vaern/core/enums", test_enums);
  g_test_add_func ("/vaern/core/findings", test_findings);

  return g_test_run ();
}
