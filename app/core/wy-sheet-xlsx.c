/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-sheet-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "wy-sheet-private.h"

/* .xlsx (Office Open XML) read as a stream: libzip unpacks one part at a
 * time into libxml2's xmlTextReader, which never builds a tree. The parts:
 * _rels/.rels → xl/workbook.xml (sheet names, hidden state, the 1904
 * flag) → xl/_rels/workbook.xml.rels (where each sheet is) →
 * xl/styles.xml (which cell styles are dates) → xl/sharedStrings.xml
 * (kept in memory: cells point into it) → one xl/worksheets/sheetN.xml.
 *
 * What is refused: a part that unpacks to more than 200 times its packed
 * size or to more than it declared, more than 512 MiB unpacked in all (zip
 * bombs), a DTD or an entity (nobody's spreadsheet has one; they are how
 * XML files attack their readers), malformed XML, invalid UTF-8 and NUL
 * characters (libxml2 refuses them as malformed), and the caps of the row
 * builder. The parser never touches the network (XML_PARSE_NONET) and
 * never substitutes entities (no XML_PARSE_NOENT). <dimension> is not
 * read: rows and cells are where their r attributes say. */

typedef struct
{
  zip_t      *zip;
  gboolean    date1904;
  char       *shared_part;
  char       *styles_part;
  GPtrArray  *shared;        /* char *, loaded on the first read */
  GArray     *date_styles;   /* gboolean per cellXfs index */
  gboolean    loaded;
  gint64      unpacked;      /* bytes unpacked so far, all parts */
} XlsxBackend;

typedef struct
{
  zip_file_t *file;
  gint64      read;
  gint64      declared;
  gint64     *unpacked;
  gboolean    overflow;
  gboolean    zip_failed;
  /* The prolog, scanned for "<!DOCTYPE" before libxml2 sees it. */
  gboolean    prolog_done;
  gboolean    has_dtd;
  int         prolog_match;  /* 0, 1 after "<", 2 after "<!" */
} PartStream;

typedef struct
{
  WySheetReader    *reader;
  const char       *part;
  xmlTextReaderPtr  xml;
  PartStream        stream;
  char             *xml_message;
  int               xml_line;
  int               xml_code;
} Part;

static void
xlsx_backend_free (gpointer data)
{
  XlsxBackend *backend = data;

  if (backend->zip != NULL)
    zip_discard (backend->zip);
  g_free (backend->shared_part);
  g_free (backend->styles_part);
  g_clear_pointer (&backend->shared, g_ptr_array_unref);
  g_clear_pointer (&backend->date_styles, g_array_unref);
  g_free (backend);
}

static void
set_bomb_error (WySheetReader  *reader,
                GError        **error)
{
  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_UNSAFE,
               /* Translators: %s is a file's name */
               _("“%s” unpacks to far more data than a workbook of its size holds, as files "
                 "made to exhaust a computer’s memory (“zip bombs”) do. Wuyou does not read it."),
               reader->display_name);
}

static void
set_damaged_error (WySheetReader  *reader,
                   const char     *detail,
                   GError        **error)
{
  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
               /* Translators: %s are a file's name and a technical detail (in English) */
               _("“%s” is damaged or incomplete (it may not have finished copying or "
                 "downloading). Open it in Excel or WPS and save it again. Detail: %s"),
               reader->display_name, detail);
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  Part *part = user_data;

  if (part->xml_message != NULL || xml_error == NULL)
    return;
  part->xml_message = g_strchomp (g_strdup (xml_error->message != NULL
                                            ? xml_error->message : "XML error"));
  part->xml_line = xml_error->line;
  part->xml_code = xml_error->code;
}

/* Text that is not UTF-8, NUL and other characters XML forbids. */
static gboolean
is_text_error (int code)
{
  return code == XML_ERR_INVALID_CHAR || code == XML_ERR_INVALID_ENCODING
         || code == XML_ERR_INVALID_CHARREF || code == XML_ERR_INVALID_DEC_CHARREF
         || code == XML_ERR_INVALID_HEX_CHARREF || code == XML_ERR_UNKNOWN_ENCODING
         || code == XML_ERR_UNSUPPORTED_ENCODING;
}

/* Before the root element: "<!D" is a DTD (NUL bytes are skipped, so
 * UTF-16 text is seen too); "<" and a letter is the root, the end of the
 * prolog. Whatever hides past that libxml2 reports as a node. */
static void
scan_prolog (PartStream *stream,
             const char *buffer,
             gsize       length)
{
  for (gsize i = 0; i < length && !stream->prolog_done; i++)
    {
      char c = buffer[i];

      if (c == '\0')
        continue;
      if (stream->prolog_match == 2)
        {
          stream->has_dtd = c == 'D' || c == 'd' || c == 'E' || c == 'e';
          stream->prolog_match = 0;
          if (stream->has_dtd)
            return;
        }
      else if (stream->prolog_match == 1)
        {
          if (c == '!')
            stream->prolog_match = 2;
          else
            {
              stream->prolog_done = g_ascii_isalpha (c);
              stream->prolog_match = 0;
            }
        }
      else if (c == '<')
        stream->prolog_match = 1;
    }
}

static int
on_part_read_cb (void *context,
                 char *buffer,
                 int   length)
{
  PartStream *stream = context;
  zip_int64_t n;

  n = zip_fread (stream->file, buffer, (zip_uint64_t) length);
  if (n < 0)
    {
      stream->zip_failed = TRUE;
      return -1;
    }
  stream->read += n;
  *stream->unpacked += n;
  if (stream->read > stream->declared || *stream->unpacked > WY_SHEET_MAX_UNPACKED_BYTES)
    {
      stream->overflow = TRUE;
      return -1;
    }
  if (!stream->prolog_done)
    {
      scan_prolog (stream, buffer, (gsize) n);
      if (stream->has_dtd)
        return -1;
    }
  return (int) n;
}

static gboolean
part_open (Part           *part,
           WySheetReader  *reader,
           const char     *name,
           gboolean        required,
           gboolean       *found,
           GError        **error)
{
  XlsxBackend *backend = reader->backend;
  zip_int64_t index;
  zip_stat_t st;

  memset (part, 0, sizeof *part);
  part->reader = reader;
  part->part = name;
  part->stream.unpacked = &backend->unpacked;
  if (found != NULL)
    *found = FALSE;

  index = zip_name_locate (backend->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      if (!required)
        return TRUE;
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   /* Translators: %s are a file's name and a part inside it */
                   _("“%s” is not a complete Excel workbook: its part “%s” is missing. "
                     "Open it in Excel or WPS and save it again as .xlsx."),
                   reader->display_name, name);
      return FALSE;
    }

  zip_stat_init (&st);
  if (zip_stat_index (backend->zip, (zip_uint64_t) index, 0, &st) != 0
      || (st.valid & ZIP_STAT_SIZE) == 0 || (st.valid & ZIP_STAT_COMP_SIZE) == 0)
    {
      set_damaged_error (reader, zip_strerror (backend->zip), error);
      return FALSE;
    }
  if (st.size > (zip_uint64_t) WY_SHEET_MAX_UNPACKED_BYTES
      || (st.size > 16 * 1024 * 1024
          && st.size / MAX (st.comp_size, 1) > WY_SHEET_MAX_PACKING_RATIO))
    {
      set_bomb_error (reader, error);
      return FALSE;
    }

  part->stream.declared = (gint64) st.size;
  part->stream.file = zip_fopen_index (backend->zip, (zip_uint64_t) index, 0);
  if (part->stream.file == NULL)
    {
      set_damaged_error (reader, zip_strerror (backend->zip), error);
      return FALSE;
    }

  part->xml = xmlReaderForIO (on_part_read_cb, NULL, &part->stream, name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (part->xml == NULL)
    {
      zip_fclose (part->stream.file);
      part->stream.file = NULL;
      set_damaged_error (reader, name, error);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (part->xml, on_xml_error_cb, part);
  if (found != NULL)
    *found = TRUE;
  return TRUE;
}

static void
part_close (Part *part)
{
  g_clear_pointer (&part->xml, xmlFreeTextReader);
  g_clear_pointer (&part->stream.file, zip_fclose);
  g_clear_pointer (&part->xml_message, g_free);
}

/* One step of the reader: 1 a node, 0 the end, -1 an error (set). */
static int
part_step (Part     *part,
           gboolean  skip_subtree,
           GError  **error)
{
  int type;
  int ret;

  ret = skip_subtree ? xmlTextReaderNext (part->xml) : xmlTextReaderRead (part->xml);
  if (ret == 0)
    return 0;
  if (ret < 0 && part->stream.has_dtd)
    type = XML_READER_TYPE_DOCUMENT_TYPE;
  else if (ret < 0)
    {
      if (part->stream.overflow)
        set_bomb_error (part->reader, error);
      else if (part->stream.zip_failed)
        set_damaged_error (part->reader, zip_file_strerror (part->stream.file), error);
      else if (is_text_error (part->xml_code))
        {
          g_autofree char *line = g_strdup_printf ("%d", part->xml_line);

          g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING,
                       /* Translators: %s are a file's name, a part inside it and a line number */
                       _("“%s” holds text that is not valid UTF-8, or NUL or other control "
                         "characters no spreadsheet program writes (in its part “%s”, line %s). "
                         "Open it in Excel or WPS and save it again."),
                       part->reader->display_name, part->part, line);
        }
      else
        {
          g_autofree char *detail = g_strdup_printf ("%s, line %d: %s", part->part,
                                                     part->xml_line,
                                                     part->xml_message != NULL
                                                     ? part->xml_message : "XML error");
          set_damaged_error (part->reader, detail, error);
        }
      return -1;
    }
  else
    type = xmlTextReaderNodeType (part->xml);

  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE
      || type == XML_READER_TYPE_ENTITY)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_UNSAFE,
                   /* Translators: %s is a file's name */
                   _("“%s” contains a document type declaration (DTD) or entities, which Excel "
                     "and WPS never write and which can make a reader leak files or hang. "
                     "Wuyou does not read it."),
                   part->reader->display_name);
      return -1;
    }
  return 1;
}

static gboolean
is_element (Part       *part,
            const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (part->xml), name) == 0;
}

static gboolean
is_end_element (Part       *part,
                const char *name)
{
  return xmlTextReaderNodeType (part->xml) == XML_READER_TYPE_END_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (part->xml), name) == 0;
}

static gboolean
is_text (Part *part)
{
  int type = xmlTextReaderNodeType (part->xml);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static char *
get_attribute (Part       *part,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (part->xml, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* r:id, whatever prefix and namespace (transitional or strict OOXML). */
static char *
get_relationship_id (Part *part)
{
  char *id = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->xml) != 1)
    return NULL;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (part->xml);
      const char *prefix = (const char *) xmlTextReaderConstPrefix (part->xml);

      if (prefix != NULL && strcmp (local, "id") == 0)
        {
          id = g_strdup ((const char *) xmlTextReaderConstValue (part->xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->xml) == 1);
  xmlTextReaderMoveToElement (part->xml);
  return id;
}

/* A relationship's target as a path inside the zip, relative to the
 * folder of the part that names it. */
static char *
resolve_target (const char *base_part,
                const char *target)
{
  g_autoptr (GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      g_autofree char *dir = g_path_get_dirname (base_part);

      joined = strcmp (dir, ".") == 0 ? g_strdup (target) : g_strconcat (dir, "/", target, NULL);
    }

  pieces = g_strsplit (joined, "/", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (pieces[i][0] == '\0' || strcmp (pieces[i], ".") == 0)
        continue;
      if (strcmp (pieces[i], "..") == 0)
        {
          if (segments->len > 0)
            g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, g_strdup (pieces[i]));
    }
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (char **) segments->pdata);
}

static char *
rels_part_for (const char *part)
{
  g_autofree char *dir = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);

  if (strcmp (dir, ".") == 0)
    return g_strconcat ("_rels/", base, ".rels", NULL);
  return g_strconcat (dir, "/_rels/", base, ".rels", NULL);
}

/* Id → resolved target, and the first target of each type suffix. */
static gboolean
read_relationships (WySheetReader  *reader,
                    const char     *owner_part,
                    GHashTable     *targets,
                    GHashTable     *types,
                    GError        **error)
{
  g_autofree char *rels = rels_part_for (owner_part);
  Part part;
  gboolean found;
  int step;

  if (!part_open (&part, reader, rels, FALSE, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  while ((step = part_step (&part, FALSE, error)) > 0)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;
      char *resolved;
      const char *slash;

      if (!is_element (&part, "Relationship"))
        continue;
      id = get_attribute (&part, "Id");
      target = get_attribute (&part, "Target");
      type = get_attribute (&part, "Type");
      mode = get_attribute (&part, "TargetMode");
      if (id == NULL || target == NULL || (mode != NULL && strcmp (mode, "External") == 0))
        continue;
      resolved = resolve_target (owner_part, target);
      if (types != NULL && type != NULL && (slash = strrchr (type, '/')) != NULL
          && !g_hash_table_contains (types, slash + 1))
        g_hash_table_insert (types, g_strdup (slash + 1), g_strdup (resolved));
      g_hash_table_insert (targets, g_steal_pointer (&id), resolved);
    }
  part_close (&part);
  return step == 0;
}

/* Built-in number formats that show a date: 14–22 and 45–47 in every
 * locale, 27–36 and 50–58 in the Chinese, Japanese and Korean ones
 * ("yyyy年m月d日" …). 18–21 and 45–47 are times; a time alone is a
 * serial below 1 and stays a number. */
static gboolean
is_builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36)
         || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* A custom format shows a date when, outside quoted text, escapes and
 * [brackets], it has a y or a d, or an m that is not minutes (no h or s). */
static gboolean
is_date_format_code (const char *code)
{
  gboolean has_y = FALSE, has_d = FALSE, has_m = FALSE, has_hs = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return has_y || has_d || (has_m && !has_hs);
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return has_y || has_d || (has_m && !has_hs);
          break;
        case ';':
          /* Only the first section decides. */
          return has_y || has_d || (has_m && !has_hs);
        case 'y': case 'Y':
          has_y = TRUE;
          break;
        case 'd': case 'D':
          has_d = TRUE;
          break;
        case 'm': case 'M':
          has_m = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          has_hs = TRUE;
          break;
        default:
          break;
        }
    }
  return has_y || has_d || (has_m && !has_hs);
}

static gboolean
load_styles (WySheetReader  *reader,
             GError        **error)
{
  XlsxBackend *backend = reader->backend;
  g_autoptr (GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_cell_xfs = FALSE;
  gboolean found;
  Part part;
  int step;

  if (backend->styles_part == NULL)
    return TRUE;
  if (!part_open (&part, reader, backend->styles_part, FALSE, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  while ((step = part_step (&part, FALSE, error)) > 0)
    {
      if (is_element (&part, "numFmt"))
        {
          g_autofree char *id = get_attribute (&part, "numFmtId");
          g_autofree char *code = get_attribute (&part, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER (strtoul (id, NULL, 10)),
                                 GINT_TO_POINTER (is_date_format_code (code)));
        }
      else if (is_element (&part, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (part.xml);
      else if (is_end_element (&part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (&part, "xf"))
        {
          g_autofree char *id_text = get_attribute (&part, "numFmtId");
          guint id = id_text != NULL ? (guint) strtoul (id_text, NULL, 10) : 0;
          gpointer custom_date;
          gboolean is_date;

          if (g_hash_table_lookup_extended (custom, GUINT_TO_POINTER (id), NULL, &custom_date))
            is_date = GPOINTER_TO_INT (custom_date);
          else
            is_date = is_builtin_date_format (id);
          g_array_append_val (backend->date_styles, is_date);
        }
    }
  part_close (&part);
  return step == 0;
}

static gboolean
load_shared_strings (WySheetReader  *reader,
                     GError        **error)
{
  XlsxBackend *backend = reader->backend;
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE, in_phonetic = FALSE;
  gboolean found;
  Part part;
  int step;

  if (backend->shared_part == NULL)
    return TRUE;
  if (!part_open (&part, reader, backend->shared_part, FALSE, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  while ((step = part_step (&part, FALSE, error)) > 0)
    {
      if (is_element (&part, "si"))
        {
          g_string_truncate (text, 0);
          in_si = !xmlTextReaderIsEmptyElement (part.xml);
          if (!in_si)
            g_ptr_array_add (backend->shared, g_strdup (""));
        }
      else if (is_end_element (&part, "si"))
        {
          g_ptr_array_add (backend->shared, g_strndup (text->str, text->len));
          in_si = FALSE;
        }
      else if (is_element (&part, "rPh"))
        in_phonetic = !xmlTextReaderIsEmptyElement (part.xml);
      else if (is_end_element (&part, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (&part, "t"))
        in_t = !xmlTextReaderIsEmptyElement (part.xml);
      else if (is_end_element (&part, "t"))
        in_t = FALSE;
      else if (in_si && in_t && !in_phonetic && is_text (&part))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (part.xml));
          if (text->len > WY_SHEET_MAX_ROW_BYTES)
            {
              g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                           /* Translators: %s is a file's name */
                           _("“%s” has a cell of more than 1 MB of text. No survey has cells "
                             "this long: check that this is the right file."),
                           reader->display_name);
              step = -1;
              break;
            }
        }
    }
  part_close (&part);
  return step == 0;
}

gboolean
wy_sheet_xlsx_open (WySheetReader  *reader,
                    GError        **error)
{
  XlsxBackend *backend;
  g_autoptr (GHashTable) root_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) root_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *workbook_part = NULL;
  const char *office;
  Part part;
  int step;
  int zip_code = 0;

  xmlInitParser ();

  backend = g_new0 (XlsxBackend, 1);
  backend->shared = g_ptr_array_new_with_free_func (g_free);
  backend->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  reader->backend = backend;
  reader->backend_free = xlsx_backend_free;

  backend->zip = zip_open (reader->path, ZIP_RDONLY, &zip_code);
  if (backend->zip == NULL)
    {
      zip_error_t zip_error;

      zip_error_init_with_code (&zip_error, zip_code);
      set_damaged_error (reader, zip_error_strerror (&zip_error), error);
      zip_error_fini (&zip_error);
      return FALSE;
    }

  if (!read_relationships (reader, "", root_targets, root_types, error))
    return FALSE;
  office = g_hash_table_lookup (root_types, "officeDocument");
  workbook_part = g_strdup (office != NULL ? office : "xl/workbook.xml");
  if (zip_name_locate (backend->zip, workbook_part, ZIP_FL_NOCASE) < 0)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file's name */
                   _("“%s” is a zip archive but not an Excel workbook (a Word or other "
                     "document, or a renamed archive)."),
                   reader->display_name);
      return FALSE;
    }

  if (!read_relationships (reader, workbook_part, targets, types, error))
    return FALSE;
  if (g_hash_table_lookup (types, "sharedStrings") != NULL)
    backend->shared_part = g_strdup (g_hash_table_lookup (types, "sharedStrings"));
  else
    backend->shared_part = g_strdup ("xl/sharedStrings.xml");
  if (g_hash_table_lookup (types, "styles") != NULL)
    backend->styles_part = g_strdup (g_hash_table_lookup (types, "styles"));
  else
    backend->styles_part = g_strdup ("xl/styles.xml");

  if (!part_open (&part, reader, workbook_part, TRUE, NULL, error))
    return FALSE;
  while ((step = part_step (&part, FALSE, error)) > 0)
    {
      if (is_element (&part, "workbookPr"))
        {
          g_autofree char *flag = get_attribute (&part, "date1904");

          backend->date1904 = flag != NULL && (strcmp (flag, "1") == 0 || strcmp (flag, "true") == 0);
        }
      else if (is_element (&part, "sheet"))
        {
          g_autofree char *name = get_attribute (&part, "name");
          g_autofree char *state = get_attribute (&part, "state");
          g_autofree char *id = get_relationship_id (&part);
          const char *target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
          WySheetInfo *info;

          /* Chart sheets and dialog sheets have no cells. */
          if (target != NULL && strstr (target, "worksheets/") == NULL
              && zip_name_locate (backend->zip, target, ZIP_FL_NOCASE) >= 0
              && (strstr (target, "chartsheets/") != NULL || strstr (target, "dialogsheets/") != NULL))
            continue;
          info = g_new0 (WySheetInfo, 1);
          info->name = g_strdup (name != NULL ? name : "");
          info->hidden = state != NULL && strcmp (state, "visible") != 0;
          info->part = g_strdup (target);
          g_ptr_array_add (reader->sheets, info);
        }
    }
  part_close (&part);
  if (step != 0)
    return FALSE;

  if (reader->sheets->len == 0)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   /* Translators: %s is a file's name */
                   _("“%s” has no worksheet to read."), reader->display_name);
      return FALSE;
    }
  return TRUE;
}

/* "B12" → column 1 (from 0), row 12; *row is 0 without digits. Columns
 * beyond Excel's are returned as they are, for the row builder to refuse. */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 col = 0, number = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (col > G_MAXUINT / 32)
        col = G_MAXUINT / 32;
    }
  if (p == ref)
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      number = number * 10 + (guint) (*p - '0');
      if (number > G_MAXUINT / 32)
        number = G_MAXUINT / 32;
    }
  if (*p != '\0')
    return FALSE;
  *column = (guint) (col - 1);
  *row = (guint) number;
  return TRUE;
}

static gboolean
parse_range (const char   *ref,
             WySheetRange *range)
{
  g_auto (GStrv) ends = g_strsplit (ref, ":", 2);

  if (!parse_reference (ends[0], &range->first_column, &range->first_row))
    return FALSE;
  if (ends[1] == NULL)
    {
      range->last_column = range->first_column;
      range->last_row = range->first_row;
      return TRUE;
    }
  return parse_reference (ends[1], &range->last_column, &range->last_row);
}

typedef struct
{
  WySheetReader     *reader;
  XlsxBackend       *backend;
  const char        *sheet_name;
  WySheetRowBuilder  row;
  GString           *value;
  char              *type;
  guint              style;
  guint              column;
  guint              next_column;
  guint              last_row;
  guint64            n_cells;
} SheetState;

static void
set_bad_cell_error (SheetState  *state,
                    GError     **error)
{
  g_autofree char *row = g_strdup_printf ("%u", state->row.number);
  g_autofree char *col = wy_sheet_column_name (state->column);

  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
               /* Translators: %s are a file's name, a sheet's name, a row number and a column (A, B …) */
               _("“%s” is damaged: sheet “%s”, row %s, column %s points at text the workbook "
                 "does not have. Open it in Excel or WPS and save it again."),
               state->reader->display_name, state->sheet_name, row, col);
}

static gboolean
finish_cell (SheetState  *state,
             GError     **error)
{
  const char *type = state->type != NULL ? state->type : "n";
  const char *value = state->value->str;
  WySheetCellKind kind = WY_SHEET_CELL_TEXT;
  g_autofree char *owned = NULL;

  if (++state->n_cells > WY_SHEET_MAX_CELLS)
    {
      g_autofree char *max = g_strdup_printf ("%d", WY_SHEET_MAX_CELLS);

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                   /* Translators: %s are a sheet's name and a number of cells */
                   _("Sheet “%s” has more than %s cells, far more than any survey. "
                     "Check that this is the right file, or split it."),
                   state->sheet_name, max);
      return FALSE;
    }

  if (strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (value, &end, 10);

      if (value[0] == '\0')
        return TRUE;
      if (end == value || *end != '\0' || index >= state->backend->shared->len)
        {
          set_bad_cell_error (state, error);
          return FALSE;
        }
      value = g_ptr_array_index (state->backend->shared, index);
    }
  else if (strcmp (type, "b") == 0)
    {
      if (value[0] == '\0')
        return TRUE;
      kind = WY_SHEET_CELL_BOOLEAN;
      value = strcmp (value, "0") == 0 || g_ascii_strcasecmp (value, "false") == 0 ? "FALSE" : "TRUE";
    }
  else if (strcmp (type, "d") == 0)
    {
      g_autoptr (GDate) date = g_date_new ();
      g_autofree char *day = g_strndup (value, 10);

      g_date_set_parse (date, day);
      if (strlen (value) >= 10 && value[4] == '-' && value[7] == '-' && g_date_valid (date))
        {
          kind = WY_SHEET_CELL_DATE;
          value = owned = g_steal_pointer (&day);
        }
    }
  else if (strcmp (type, "n") == 0)
    {
      char *end = NULL;
      double number;

      if (value[0] == '\0')
        return TRUE;
      number = g_ascii_strtod (value, &end);
      if (end != value && *end == '\0' && isfinite (number))
        {
          gboolean is_date = state->style < state->backend->date_styles->len
                             && g_array_index (state->backend->date_styles, gboolean, state->style);

          if (is_date && (owned = wy_sheet_serial_to_iso (number, state->backend->date1904)) != NULL)
            kind = WY_SHEET_CELL_DATE;
          else if (is_date && !state->backend->date1904 && floor (number) == 60)
            /* The day Excel shows for serial 60, which never was. */
            owned = g_strdup ("1900-02-29");
          else
            {
              kind = WY_SHEET_CELL_NUMBER;
              owned = wy_sheet_format_number (number);
            }
          value = owned;
        }
    }
  /* "str" (a formula's text), "inlineStr", "e" (#N/A …): text. */

  return wy_sheet_row_builder_set (&state->row, state->sheet_name, state->column,
                                   kind, value, -1, error);
}

gboolean
wy_sheet_xlsx_read (WySheetReader   *reader,
                    guint            index,
                    WySheetRowFunc   func,
                    gpointer         user_data,
                    GArray          *merges,
                    GError         **error)
{
  XlsxBackend *backend = reader->backend;
  WySheetInfo *info = g_ptr_array_index (reader->sheets, index);
  SheetState state = { 0 };
  gboolean in_cell = FALSE, in_value = FALSE, in_inline = FALSE, in_t = FALSE, in_phonetic = FALSE;
  gboolean stopped = FALSE;
  gboolean ok = FALSE;
  Part part;
  int step;

  if (info->part == NULL)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   /* Translators: %s are a file's name and a sheet's name */
                   _("“%s” is damaged: the sheet “%s” is listed but missing. Open it in Excel "
                     "or WPS and save it again."),
                   reader->display_name, info->name);
      return FALSE;
    }

  if (func != NULL && !backend->loaded)
    {
      g_ptr_array_set_size (backend->shared, 0);
      g_array_set_size (backend->date_styles, 0);
      if (!load_styles (reader, error) || !load_shared_strings (reader, error))
        return FALSE;
      backend->loaded = TRUE;
    }

  if (!part_open (&part, reader, info->part, TRUE, NULL, error))
    return FALSE;

  state.reader = reader;
  state.backend = backend;
  state.sheet_name = info->name;
  state.value = g_string_new (NULL);
  wy_sheet_row_builder_init (&state.row);

  while ((step = part_step (&part, FALSE, error)) > 0)
    {
      if (func == NULL && is_element (&part, "sheetData"))
        {
          /* Merged ranges only: step over the rows. */
          if (xmlTextReaderIsEmptyElement (part.xml))
            continue;
          /* Lands on the next sibling (<mergeCells> or blank): its
           * children come with the next steps. */
          step = part_step (&part, TRUE, error);
          if (step <= 0)
            break;
          continue;
        }
      if (in_cell)
        {
          if (is_element (&part, "v"))
            in_value = !xmlTextReaderIsEmptyElement (part.xml);
          else if (is_end_element (&part, "v"))
            in_value = FALSE;
          else if (is_element (&part, "is"))
            in_inline = !xmlTextReaderIsEmptyElement (part.xml);
          else if (is_end_element (&part, "is"))
            in_inline = FALSE;
          else if (in_inline && is_element (&part, "rPh"))
            in_phonetic = !xmlTextReaderIsEmptyElement (part.xml);
          else if (in_inline && is_end_element (&part, "rPh"))
            in_phonetic = FALSE;
          else if (in_inline && is_element (&part, "t"))
            in_t = !xmlTextReaderIsEmptyElement (part.xml);
          else if (in_inline && is_end_element (&part, "t"))
            in_t = FALSE;
          else if (is_text (&part) && (in_value || (in_inline && in_t && !in_phonetic)))
            {
              g_string_append (state.value, (const char *) xmlTextReaderConstValue (part.xml));
              if (state.value->len > WY_SHEET_MAX_ROW_BYTES
                  && !wy_sheet_row_builder_set (&state.row, state.sheet_name, state.column,
                                                WY_SHEET_CELL_TEXT, state.value->str,
                                                state.value->len, error))
                {
                  step = -1;
                  break;
                }
            }
          else if (is_end_element (&part, "c"))
            {
              in_cell = in_value = in_inline = in_t = in_phonetic = FALSE;
              if (!finish_cell (&state, error))
                {
                  step = -1;
                  break;
                }
            }
          continue;
        }

      if (is_element (&part, "row"))
        {
          g_autofree char *r = get_attribute (&part, "r");
          guint64 number = state.last_row + 1;

          if (r != NULL)
            {
              char *end = NULL;

              number = g_ascii_strtoull (r, &end, 10);
              if (end == r || *end != '\0' || number == 0)
                number = state.last_row + 1;
            }
          if (number > WY_SHEET_MAX_ROWS)
            {
              g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                           /* Translators: %s are a file's name and a sheet's name */
                           _("“%s” is damaged: sheet “%s” has rows past the last row a "
                             "spreadsheet can have."),
                           reader->display_name, info->name);
              step = -1;
              break;
            }
          state.last_row = (guint) number;
          state.next_column = 0;
          wy_sheet_row_builder_reset (&state.row, state.last_row);
        }
      else if (is_end_element (&part, "row"))
        {
          if (!wy_sheet_row_builder_emit (&state.row, func, user_data, &stopped, error))
            {
              step = -1;
              break;
            }
          wy_sheet_row_builder_reset (&state.row, 0);
        }
      else if (is_element (&part, "c"))
        {
          g_autofree char *r = get_attribute (&part, "r");
          g_autofree char *s = get_attribute (&part, "s");
          guint column = state.next_column, row_number = 0;

          if (r != NULL && !parse_reference (r, &column, &row_number))
            column = state.next_column;
          state.column = column;
          state.next_column = column + 1;
          state.style = s != NULL ? (guint) strtoul (s, NULL, 10) : 0;
          g_free (state.type);
          state.type = get_attribute (&part, "t");
          g_string_truncate (state.value, 0);
          if (column >= WY_SHEET_MAX_COLUMNS
              && !wy_sheet_row_builder_set (&state.row, state.sheet_name, column,
                                            WY_SHEET_CELL_EMPTY, "", 0, error))
            {
              step = -1;
              break;
            }
          if (!xmlTextReaderIsEmptyElement (part.xml))
            in_cell = TRUE;
        }
      else if (merges != NULL && is_element (&part, "mergeCell"))
        {
          g_autofree char *ref = get_attribute (&part, "ref");
          WySheetRange range;

          if (ref != NULL && parse_range (ref, &range))
            g_array_append_val (merges, range);
        }
    }

  if (stopped)
    {
      g_clear_error (error);
      ok = TRUE;
    }
  else
    ok = step == 0;

  part_close (&part);
  wy_sheet_row_builder_clear (&state.row);
  g_string_free (state.value, TRUE);
  g_free (state.type);
  return ok;
}
