/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/vaern-dump.h"
#include "vaern-report-private.h"

/* The full export (kind "full") and its import. Every stored row of the
 * document is written, by table, in a "records" element whose sections
 * each name the ISO/IEC 27001 clause they are evidence for; each row keeps
 * its id ("risk-17") and its references as attributes and its values as
 * child elements, so an import gives back the same document and an export
 * of that the same XML. The tables below are the whole mapping between the
 * store's columns and the vocabulary of data/vaern-report.xsd. */

typedef enum
{
  FIELD_TEXT = 't',  /* a child element with the text */
  FIELD_INT = 'i',   /* a child element with a whole number */
  FIELD_REF = 'r',   /* an attribute naming a row: "unit-3" */
} FieldKind;

typedef struct
{
  const char *column;
  const char *xml;
  FieldKind   kind;
  const char *prefix;  /* FIELD_REF: the prefix of the table referred to */
} Field;

typedef struct
{
  const char  *table;
  const char  *section;
  const char  *clause;
  const char  *row;
  const char  *prefix;   /* of the row's id */
  const Field *fields;   /* without "id"; ends with a NULL column */
} Table;

#define T(c, x) { c, x, FIELD_TEXT, NULL }
#define I(c, x) { c, x, FIELD_INT, NULL }
#define R(c, x, p) { c, x, FIELD_REF, p }
#define END { NULL, NULL, 0, NULL }

static const Field unit_fields[] = {
  R ("parent_id", "parent-ref", "unit"), T ("name", "name"), T ("kind", "kind"), END,
};
static const Field person_fields[] = {
  R ("unit_id", "unit-ref", "unit"), T ("name", "name"), T ("title", "title"),
  T ("email", "email"), T ("phone", "phone"), END,
};
static const Field asset_fields[] = {
  R ("unit_id", "unit-ref", "unit"),
  T ("kind", "kind"), T ("name", "name"), T ("purpose", "purpose"),
  T ("kitos_uuid", "kitos-uuid"), T ("supplier", "supplier"), T ("hosting", "hosting"),
  T ("lifecycle", "lifecycle"), T ("personal_data", "personal-data"), T ("dpa", "dpa"),
  T ("dpa_date", "dpa-date"), I ("criticality", "criticality"),
  I ("confidentiality", "confidentiality"), I ("integrity", "integrity"),
  I ("availability", "availability"), T ("next_review", "next-review"), T ("notes", "notes"),
  END,
};
static const Field asset_unit_fields[] = {
  R ("asset_id", "asset-ref", "asset"), R ("unit_id", "unit-ref", "unit"), END,
};
static const Field role_fields[] = {
  T ("key", "key"), T ("name", "name"), T ("description", "description"),
  T ("scope", "scope"), I ("single", "single"), I ("position", "position"), END,
};
static const Field assignment_fields[] = {
  R ("asset_id", "asset-ref", "asset"), R ("person_id", "person-ref", "person"),
  R ("role_id", "role-ref", "role"),
  T ("from_date", "from"), T ("to_date", "to"), T ("note", "note"), END,
};
static const Field scale_fields[] = {
  T ("preset", "preset"), I ("n_likelihood", "likelihood-levels"),
  I ("n_consequence", "consequence-levels"), END,
};
static const Field scale_level_fields[] = {
  T ("axis", "axis"), I ("level", "level"), T ("label", "label"),
  T ("description", "description"), END,
};
static const Field scale_band_fields[] = {
  I ("position", "position"), T ("label", "label"), I ("min_score", "min-score"),
  T ("color", "colour"), T ("safe_color", "safe-colour"), END,
};
static const Field threat_fields[] = {
  T ("category", "category"), T ("name", "name"), T ("description", "description"),
  I ("builtin", "builtin"), END,
};
static const Field risk_fields[] = {
  R ("asset_id", "asset-ref", "asset"), R ("threat_id", "threat-ref", "threat"),
  R ("owner_id", "owner-ref", "person"),
  T ("title", "title"), T ("description", "description"),
  I ("consequence_c", "consequence-c"), I ("consequence_i", "consequence-i"),
  I ("consequence_a", "consequence-a"), I ("likelihood", "likelihood"),
  T ("treatment", "treatment"), T ("measures", "measures"),
  I ("residual_likelihood", "residual-likelihood"),
  I ("residual_consequence", "residual-consequence"),
  T ("assessed_on", "assessed-on"), T ("review_date", "review-date"),
  T ("accepted_by", "accepted-by"), T ("accepted_on", "accepted-on"), END,
};
static const Field risk_control_fields[] = {
  R ("risk_id", "risk-ref", "risk"), T ("control", "control"), END,
};
static const Field control_fields[] = {
  T ("edition", "edition"), T ("number", "number"), I ("theme", "theme"),
  T ("title_da", "title-da"), T ("title_en", "title-en"), I ("position", "position"), END,
};
static const Field control_map_fields[] = {
  T ("control_2013", "control-2013"), T ("control_2022", "control-2022"), END,
};
static const Field document_fields[] = {
  R ("owner_id", "owner-ref", "person"),
  T ("title", "title"), T ("kind", "kind"), T ("version", "version"), T ("status", "status"),
  T ("next_review", "next-review"), T ("location", "location"), T ("notes", "notes"), END,
};
static const Field soa_version_fields[] = {
  I ("number", "number"), T ("created_on", "created-on"), END,
};
static const Field soa_entry_fields[] = {
  R ("version_id", "version-ref", "soa-version"), R ("owner_id", "owner-ref", "person"),
  T ("control", "control"), I ("applicable", "applicable"), I ("reasons", "reasons"),
  T ("justification", "justification"), T ("status", "status"),
  T ("owner_name", "owner-name"), T ("notes", "notes"), END,
};
static const Field soa_entry_document_fields[] = {
  R ("entry_id", "entry-ref", "soa-entry"), R ("document_id", "document-ref", "document"),
  T ("title", "title"), T ("kind", "kind"), T ("version", "version"), T ("status", "status"),
  T ("location", "location"), END,
};
static const Field approval_fields[] = {
  R ("soa_version_id", "soa-version-ref", "soa-version"),
  R ("document_id", "document-ref", "document"), R ("asset_id", "asset-ref", "asset"),
  T ("subject", "subject"), T ("subject_version", "subject-version"), T ("title", "title"),
  T ("approved_by", "approved-by"), T ("approved_on", "approved-on"), T ("note", "note"), END,
};
static const Field activity_fields[] = {
  R ("owner_id", "owner-ref", "person"), R ("asset_id", "asset-ref", "asset"),
  R ("document_id", "document-ref", "document"), R ("risk_id", "risk-ref", "risk"),
  T ("uid", "uid"), T ("kind", "kind"), T ("title", "title"), T ("description", "description"),
  T ("phase", "phase"), T ("recurrence", "recurrence"), T ("start_date", "start"),
  T ("end_date", "end"), I ("in_progress", "in-progress"), T ("concerns", "concerns"),
  T ("control", "control"), END,
};
static const Field activity_done_fields[] = {
  R ("activity_id", "activity-ref", "activity"),
  T ("occurrence", "occurrence"), T ("done_on", "done-on"), T ("done_by", "done-by"),
  T ("note", "note"), END,
};
static const Field change_set_fields[] = {
  R ("reverts", "reverts-ref", "change-set"),
  T ("at", "at"), T ("actor", "actor"), T ("label", "label"), END,
};
static const Field change_log_fields[] = {
  R ("change_set", "change-set-ref", "change-set"),
  T ("tbl", "table"), I ("row_id", "row"), T ("op", "operation"),
  T ("old", "old"), T ("new", "new"), END,
};

/* In the order of vaern_dump_tables (), less the organisation, which is
 * the report's own first element. */
static const Table tables[] = {
  { "unit", "units", "4.3 5.3", "unit", "unit", unit_fields },
  { "person", "people", "5.3 7.2", "person", "person", person_fields },
  { "asset", "assets", "A.5.9", "asset", "asset", asset_fields },
  { "asset_unit", "asset-users", "A.5.9", "asset-user", "asset-user", asset_unit_fields },
  { "role", "roles", "5.3", "role", "role", role_fields },
  { "assignment", "assignments", "5.3 A.5.2", "assignment", "assignment", assignment_fields },
  { "scale", "risk-scale", "6.1.2", "scale", "scale", scale_fields },
  { "scale_level", "risk-scale-levels", "6.1.2", "level", "scale-level", scale_level_fields },
  { "scale_band", "risk-scale-bands", "6.1.2", "band", "scale-band", scale_band_fields },
  { "threat", "threats", "6.1.2", "threat", "threat", threat_fields },
  { "risk", "risks", "6.1.2 8.2", "risk", "risk", risk_fields },
  { "risk_control", "risk-controls", "6.1.3 8.3", "risk-control", "risk-control",
    risk_control_fields },
  { "control", "annex-a", "6.1.3", "control", "control", control_fields },
  { "control_map", "annex-a-2013", "6.1.3", "mapping", "mapping", control_map_fields },
  { "document", "documents", "7.5", "document", "document", document_fields },
  { "soa_version", "soa-versions", "6.1.3", "version", "soa-version", soa_version_fields },
  { "soa_entry", "soa-entries", "6.1.3", "entry", "soa-entry", soa_entry_fields },
  { "soa_entry_document", "soa-references", "6.1.3 7.5", "reference", "soa-reference",
    soa_entry_document_fields },
  { "approval", "approvals", "5.1 9.3", "approval", "approval", approval_fields },
  { "activity", "activities", "6.2 9.1 10.1", "activity", "activity", activity_fields },
  { "activity_done", "activities-done", "9.1", "done", "activity-done", activity_done_fields },
  { "change_set", "change-sets", "7.5.3", "change-set", "change-set", change_set_fields },
  { "change_log", "changes", "7.5.3", "change", "change", change_log_fields },
};

static const Table *
table_for_store (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].table, table) == 0)
      return &tables[i];
  return NULL;
}

/* Writing ================================================================ */

typedef struct
{
  Out         *o;
  const Table *table;
  int         *cell_of;   /* per field of the table: the index of its cell, or -1 */
  int          id_cell;
  guint        n_fields;
} Dump;

static gboolean
map_columns (Dump              *d,
             guint              n_columns,
             const char *const *columns,
             GError           **error)
{
  d->id_cell = -1;
  d->cell_of = g_new (int, d->n_fields);
  for (guint f = 0; f < d->n_fields; f++)
    d->cell_of[f] = -1;

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean known = FALSE;

      if (strcmp (columns[c], "id") == 0)
        {
          d->id_cell = (int) c;
          continue;
        }
      for (guint f = 0; f < d->n_fields; f++)
        if (strcmp (d->table->fields[f].column, columns[c]) == 0)
          {
            d->cell_of[f] = (int) c;
            known = TRUE;
          }
      if (!known)
        {
          /* A column added to the store and not to the export would be lost. */
          g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
                       "The full export does not know the field “%s” of “%s”.",
                       columns[c], d->table->table);
          return FALSE;
        }
    }
  return d->id_cell >= 0;
}

static char *
cell_text (const VaernCell *cell)
{
  if (cell->kind == VAERN_CELL_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
  return g_strdup (cell->text);
}

static gboolean
dump_row (guint              n_columns,
          const char *const *columns,
          const VaernCell   *cells,
          gpointer           user_data,
          GError           **error)
{
  Dump *d = user_data;
  const Field *fields = d->table->fields;

  if (d->cell_of == NULL && !map_columns (d, n_columns, columns, error))
    return FALSE;

  out_start (d->o, d->table->row);
  out_attr_ref (d->o, "id", d->table->prefix, cells[d->id_cell].number);
  for (guint f = 0; f < d->n_fields; f++)
    {
      const VaernCell *cell = d->cell_of[f] >= 0 ? &cells[d->cell_of[f]] : NULL;

      if (fields[f].kind == FIELD_REF && cell && cell->kind == VAERN_CELL_INT)
        out_attr_ref (d->o, fields[f].xml, fields[f].prefix, cell->number);
    }
  for (guint f = 0; f < d->n_fields; f++)
    {
      const VaernCell *cell = d->cell_of[f] >= 0 ? &cells[d->cell_of[f]] : NULL;
      g_autofree char *text = NULL;

      if (fields[f].kind == FIELD_REF || cell == NULL || cell->kind == VAERN_CELL_NULL)
        continue;
      text = cell_text (cell);
      out_element (d->o, fields[f].xml, text);
    }
  out_end (d->o);
  if (d->o->failed)
    {
      set_write_error (error, d->o->path, d->o->saved_errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
full_sections (Out           *o,
               VaernDocument *doc,
               gpointer       data,
               GError       **error)
{
  const char *const *store_tables = vaern_dump_tables ();

  out_start (o, "records");
  for (guint t = 0; store_tables[t] != NULL; t++)
    {
      const Table *table;
      Dump d = { o };
      gboolean ok;

      /* The organisation and its logo are the report's first element. */
      if (strcmp (store_tables[t], "organisation") == 0
          || strcmp (store_tables[t], "organisation_logo") == 0)
        continue;
      table = table_for_store (store_tables[t]);
      if (table == NULL)
        {
          g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
                       "The full export does not know the table “%s”.", store_tables[t]);
          return FALSE;
        }
      d.table = table;
      while (table->fields[d.n_fields].column != NULL)
        d.n_fields++;

      out_start (o, table->section);
      out_attr (o, "iso-clause", table->clause);
      ok = vaern_document_dump_table (doc, table->table, dump_row, &d, error);
      g_free (d.cell_of);
      if (!ok)
        return FALSE;
      out_end (o);
    }
  out_end (o);
  return TRUE;
}

/**
 * vaern_report_write_full:
 * @doc: the document
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes everything in the document (kind "full"), from which
 * vaern_report_import_full() makes the same document again.
 *
 * Returns: %TRUE when the whole report is in place at @path.
 */
gboolean
vaern_report_write_full (VaernDocument *doc,
                         const char    *path,
                         GError       **error)
{
  return write_report (doc, path, "full", full_sections, NULL, error);
}

/* Reading ================================================================ */

typedef struct
{
  gboolean   doctype;
  int        doctype_line;
  FirstError first;        /* the parser's first error: the cause, not its echo */
} Guard;

#if LIBXML_VERSION >= 21200
static void
keep_parse_error (void           *ctx,
                  const xmlError *err)
#else
static void
keep_parse_error (void       *ctx,
                  xmlErrorPtr err)
#endif
{
  xmlParserCtxt *ctxt = ctx;
  Guard *guard = ctxt->_private;

  keep_first_error (&guard->first, err);
}

/* A Værn file never declares a document type. Stopping at the declaration
 * itself means no entity of it is ever defined, let alone expanded (the
 * "billion laughs"), and no external DTD or entity is ever fetched. */
static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  Guard *guard = ctxt->_private;

  guard->doctype = TRUE;
  guard->doctype_line = xmlSAX2GetLineNumber (ctx);
  xmlStopParser (ctxt);
}

static xmlDoc *
parse_safely (const char *path,
              GError    **error)
{
  g_autoptr(xmlParserCtxt) parser = NULL;
  g_autofree char *contents = NULL;
  Guard guard = { 0 };
  xmlDoc *doc;
  gsize length;

  report_libxml_init ();

  contents = read_capped (path, &length, error);
  if (contents == NULL)
    return NULL;
  if (length > G_MAXINT)
    {
      set_invalid_error (error, path, 0, _("the file is too big"));
      return NULL;
    }
  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      set_invalid_error (error, path, 0, _("unknown error"));
      return NULL;
    }
  parser->_private = &guard;
  parser->sax->internalSubset = refuse_doctype;
  /* The parser's messages go here, not to the terminal. */
  parser->sax->serror = keep_parse_error;
  doc = xmlCtxtReadMemory (parser, contents, (int) length, NULL, NULL,
                           report_parse_options | XML_PARSE_BIG_LINES);
  if (guard.doctype)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_free (guard.first.message);
      set_invalid_error (error, path, guard.doctype_line,
                         /* Translators: why an XML file is refused */
                         _("a Værn file has no document type declaration (DOCTYPE), "
                           "so none is read: no entities and nothing from outside the file"));
      return NULL;
    }
  if (doc == NULL || guard.first.message != NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (parser);

      g_clear_pointer (&doc, xmlFreeDoc);
      if (guard.first.message != NULL)
        set_invalid_error (error, path, guard.first.line, guard.first.message);
      else
        {
          g_autofree char *reason = g_strstrip (g_strdup (err && err->message ? err->message : ""));

          set_invalid_error (error, path, err ? err->line : 0, reason);
        }
      g_free (guard.first.message);
      return NULL;
    }
  return doc;
}

/* Whether text is a version number above this build's: all digits, and
 * greater (or too long to read at all). */
static gboolean
is_newer_version (const char *text)
{
  guint64 number;

  if (*text == '\0' || strspn (text, "0123456789") != strlen (text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &number, NULL))
    return TRUE;
  return number > g_ascii_strtoull (VAERN_REPORT_VERSION, NULL, 10);
}

/* Before the schema: what kind of file it is, so that a file of another
 * program, of a newer Værn or of another report kind says so. */
static gboolean
check_root (xmlNode    *root,
            const char *path,
            GError    **error)
{
  static const char ns_base[] = "https://vaern.github.io/ns/report/";
  g_autofree xmlChar *version = NULL;
  g_autofree xmlChar *kind = NULL;
  const char *newer = NULL;

  /* A later version of the format may have a namespace of its own
   * (".../report/2") as well as a higher version: either is a newer Værn's,
   * and says so rather than "not Værn's". */
  if (root != NULL)
    version = xmlGetNoNsProp (root, BAD_CAST "version");
  if (root != NULL && root->ns != NULL
      && g_str_has_prefix ((const char *) root->ns->href, ns_base)
      && is_newer_version ((const char *) root->ns->href + strlen (ns_base)))
    newer = (const char *) root->ns->href + strlen (ns_base);
  else if (version != NULL && is_newer_version ((const char *) version))
    newer = (const char *) version;
  if (newer != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_NEWER,
                   /* Translators: %s is a file name, %s a version number */
                   _("“%s” was written by a newer version of Værn (format version %s). "
                     "Update Værn to read it."),
                   display, newer);
      return FALSE;
    }

  if (root == NULL || root->ns == NULL
      || strcmp ((const char *) root->ns->href, VAERN_REPORT_NAMESPACE) != 0
      || strcmp ((const char *) root->name, "report") != 0)
    {
      g_autofree char *reason =
        g_strdup_printf (/* Translators: the %s are an XML element's name and its namespace */
                         _("this is not Værn's XML: its root element is “%s” in the namespace “%s”"),
                         root ? (const char *) root->name : "",
                         root && root->ns ? (const char *) root->ns->href : "");

      set_invalid_error (error, path, root ? (int) xmlGetLineNo (root) : 0, reason);
      return FALSE;
    }
  kind = xmlGetNoNsProp (root, BAD_CAST "kind");
  if (kind != NULL && strcmp ((const char *) kind, "full") != 0)
    {
      g_autofree char *reason =
        g_strdup_printf (/* Translators: %s is a kind of report: risks, soa, … */
                         _("it is a report of the kind “%s”; only a full export "
                           "(vaern --export=full) holds a whole document"),
                         (const char *) kind);

      set_invalid_error (error, path, (int) xmlGetLineNo (root), reason);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (xmlDoc     *doc,
          const char *path,
          GError    **error)
{
  g_autoptr(xmlSchema) schema = load_schema (NULL, error);
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  FirstError first = { 0 };
  int rc;

  if (schema == NULL)
    return FALSE;
  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, keep_first_error, &first);
  rc = xmlSchemaValidateDoc (validator, doc);
  if (rc != 0)
    set_invalid_error (error, path, first.line, first.message);
  g_free (first.message);
  return rc == 0;
}

static gboolean
parse_ref (const char *value,
           const char *prefix,
           gint64     *id)
{
  gsize n = strlen (prefix);
  guint64 number;

  if (strncmp (value, prefix, n) != 0 || value[n] != '-')
    return FALSE;
  /* Rows are numbered from 1: the store reads 0 as "none". */
  if (!g_ascii_string_to_unsigned (value + n + 1, 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;
  *id = (gint64) number;
  return TRUE;
}

static const Field *
find_field (const Table *table,
            const char  *xml,
            gboolean     attribute)
{
  for (const Field *f = table->fields; f->column != NULL; f++)
    if ((f->kind == FIELD_REF) == attribute && strcmp (f->xml, xml) == 0)
      return f;
  return NULL;
}

static gboolean
row_error (GError    **error,
           const char *path,
           xmlNode    *node,
           const char *reason)
{
  set_invalid_error (error, path, (int) xmlGetLineNo (node), reason);
  return FALSE;
}

#define MAX_FIELDS 32

static gboolean
load_row (VaernLoader *loader,
          const Table *table,
          xmlNode     *row,
          const char  *path,
          GError     **error)
{
  const char *columns[MAX_FIELDS];
  VaernCell cells[MAX_FIELDS];
  xmlChar *texts[MAX_FIELDS];
  guint n = 0, n_texts = 0;
  g_autoptr(GError) local = NULL;
  gboolean ok = TRUE;

  for (xmlAttr *a = row->properties; a != NULL && ok; a = a->next)
    {
      g_autofree xmlChar *value = xmlNodeListGetString (row->doc, a->children, 1);
      const char *name = (const char *) a->name;
      const Field *f = NULL;
      gint64 id;

      if (strcmp (name, "id") != 0 && (f = find_field (table, name, TRUE)) == NULL)
        continue;
      if (n >= MAX_FIELDS)
        {
          ok = row_error (error, path, row, _("the row has too many fields"));
          break;
        }
      if (value == NULL || !parse_ref ((const char *) value, f ? f->prefix : table->prefix, &id))
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a reference of “%s”"),
                                                     value ? (const char *) value : "", name);

          ok = row_error (error, path, row, reason);
          break;
        }
      columns[n] = f ? f->column : "id";
      cells[n].kind = VAERN_CELL_INT;
      cells[n].number = id;
      cells[n].text = NULL;
      n++;
    }

  for (xmlNode *child = row->children; child != NULL && ok; child = child->next)
    {
      const Field *f;
      xmlChar *text;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      f = find_field (table, (const char *) child->name, FALSE);
      if (f == NULL)
        continue;
      if (n >= MAX_FIELDS)
        {
          ok = row_error (error, path, child, _("the row has too many fields"));
          break;
        }
      text = xmlNodeGetContent (child);
      texts[n_texts++] = text;
      columns[n] = f->column;
      if (f->kind == FIELD_INT)
        {
          g_autofree char *digits = g_strstrip (g_strdup ((const char *) text));
          gint64 number;

          if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &number, NULL))
            {
              ok = row_error (error, path, child, _("not a whole number"));
              break;
            }
          cells[n].kind = VAERN_CELL_INT;
          cells[n].number = number;
          cells[n].text = NULL;
        }
      else
        {
          cells[n].kind = VAERN_CELL_TEXT;
          cells[n].text = text ? (const char *) text : "";
        }
      n++;
    }

  if (ok && !vaern_loader_add_row (loader, table->table, n, columns, cells, &local))
    {
      /* A row that breaks a rule makes the file invalid; a full disk or
       * an I/O error is not the file's fault, and is said as it is. */
      if (g_error_matches (local, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID))
        ok = row_error (error, path, row, local->message);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }

  for (guint i = 0; i < n_texts; i++)
    xmlFree (texts[i]);
  return ok;
}

static xmlNode *
first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

static xmlNode *
next_element (xmlNode *node)
{
  return node ? first_element (node->next) : NULL;
}

static gboolean
load_organisation (VaernLoader *loader,
                   xmlNode     *organisation,
                   const char  *path,
                   GError     **error)
{
  const char *columns[] = { "id", "name", "cvr" };
  VaernCell cells[3] = { { VAERN_CELL_INT, 1, NULL } };
  g_autofree xmlChar *name = NULL;
  g_autofree xmlChar *cvr = NULL;
  g_autofree xmlChar *logo = NULL;
  xmlNode *logo_node = NULL;
  g_autoptr(GError) local = NULL;

  for (xmlNode *child = first_element (organisation->children); child;
       child = next_element (child))
    {
      if (strcmp ((const char *) child->name, "name") == 0 && name == NULL)
        name = xmlNodeGetContent (child);
      else if (strcmp ((const char *) child->name, "cvr") == 0 && cvr == NULL)
        cvr = xmlNodeGetContent (child);
      else if (strcmp ((const char *) child->name, "logo") == 0 && logo == NULL)
        {
          logo = xmlNodeGetContent (child);
          logo_node = child;
        }
    }
  cells[1].kind = VAERN_CELL_TEXT;
  cells[1].text = name ? (const char *) name : "";
  cells[2].kind = VAERN_CELL_TEXT;
  /* The schema allows spaces around the number; the document does not. */
  cells[2].text = cvr ? g_strstrip ((char *) cvr) : "";
  if (!vaern_loader_add_row (loader, "organisation", 3, columns, cells, &local))
    return row_error (error, path, organisation, local->message);

  if (logo != NULL)
    {
      /* Base64 may be broken over lines; the document keeps it in one. */
      const char *logo_columns[] = { "id", "png" };
      VaernCell logo_cells[2] = { { VAERN_CELL_INT, 1, NULL } };
      g_autoptr(GString) packed = g_string_new (NULL);
      g_autofree guchar *data = NULL;
      g_autofree char *canonical = NULL;
      gsize size = 0;

      for (const char *p = (const char *) logo; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (packed, *p);
      data = g_base64_decode (packed->str, &size);
      if (!vaern_logo_check (data, size, &local))
        return row_error (error, path, logo_node, local->message);
      canonical = g_base64_encode (data, size);
      logo_cells[1].kind = VAERN_CELL_TEXT;
      logo_cells[1].text = canonical;
      if (!vaern_loader_add_row (loader, "organisation_logo", 2, logo_columns, logo_cells,
                                 &local))
        return row_error (error, path, logo_node, local->message);
    }
  return TRUE;
}

static gboolean
load_records (VaernLoader *loader,
              xmlNode     *root,
              const char  *path,
              GError     **error)
{
  xmlNode *organisation = first_element (root->children);
  xmlNode *records = NULL;

  for (xmlNode *n = next_element (organisation); n; n = next_element (n))
    if (strcmp ((const char *) n->name, "records") == 0)
      records = n;
  if (organisation == NULL || records == NULL)
    return row_error (error, path, root,
                      /* Translators: why an XML file cannot be imported */
                      _("the full export has no records"));

  if (!load_organisation (loader, organisation, path, error))
    return FALSE;

  for (xmlNode *section = first_element (records->children); section;
       section = next_element (section))
    {
      const Table *table = NULL;

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        if (strcmp (tables[t].section, (const char *) section->name) == 0)
          table = &tables[t];
      if (table == NULL)
        continue;
      for (xmlNode *row = first_element (section->children); row; row = next_element (row))
        if (!load_row (loader, table, row, path, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * vaern_report_import_full:
 * @xml_path: a full export (kind "full")
 * @vaern_path: the new document; must not exist
 * @error: return location for a %VAERN_REPORT_ERROR or %VAERN_STORE_ERROR
 *
 * Makes a new document from a full export. The file is read with a size
 * cap and parsed without network, DTD or entities; a document type
 * declaration is refused where it stands. It must be in Værn's namespace,
 * of a version this build knows and valid against the built-in schema
 * before anything is written, and the new document takes its name only
 * when every row is in and every reference holds: a refused file leaves
 * nothing behind. Errors name the line and the reason.
 *
 * Returns: %TRUE when the new document is in place at @vaern_path.
 */
gboolean
vaern_report_import_full (const char *xml_path,
                          const char *vaern_path,
                          GError    **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VaernLoader) loader = NULL;
  xmlNode *root;

  g_return_val_if_fail (xml_path != NULL, FALSE);
  g_return_val_if_fail (vaern_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = parse_safely (xml_path, error);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!check_root (root, xml_path, error) || !validate (doc, xml_path, error))
    return FALSE;

  loader = vaern_loader_new (vaern_path, error);
  if (loader == NULL)
    return FALSE;
  if (!load_records (loader, root, xml_path, error))
    return FALSE;
  if (!vaern_loader_finish (loader, error))
    {
      if (g_error_matches (*error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID))
        {
          g_autofree char *display = g_filename_display_name (xml_path);

          /* Translators: %s is a file name; the reason follows */
          g_prefix_error (error, _("“%s” cannot become a document: "), display);
        }
      return FALSE;
    }
  return TRUE;
}
