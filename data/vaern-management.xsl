<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!--
  The management report (ledelsesrapport, ISO/IEC 27001 clause 9.3) as one
  self-contained HTML page, in Danish, for the screen and for A4 paper.

  Input:  a Værn report of kind "management" (vaern-report.xsd,
          namespace https://vaern.github.io/ns/report/1).
  Output: HTML with its CSS in a <style> element: no scripts, no external
          files, fonts or images.

  XSLT 1.0 only, as libxslt runs it. The stylesheet reads nothing but its
  input: no document(), xsl:include or xsl:import (the application forbids
  file and network access while it runs).

  The page, in order:
    1. the header: title, organisation, CVR, the report's date
    2. Nøgletal (9.1): register, risks, SoA, annual cycle and documents
    3. the risk matrices before and after treatment (6.1.2, 8.2)
    4. the highest risks and their treatment (6.1.3, 8.3)
    5. the changes since the last approved report (7.5.3, 10.1)

  Counts that need management's attention are marked with a class, bold
  dark red, and the text "⚠ Bemærk", so they do not rely on colour alone.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:v="https://vaern.github.io/ns/report/1"
                exclude-result-prefixes="v">

  <!-- "about:legacy-compat" gives <!DOCTYPE html SYSTEM "about:legacy-compat">,
       the HTML5 doctype that XSLT 1.0 serialisers can write. -->
  <xsl:output method="html" encoding="UTF-8" indent="yes"
              doctype-system="about:legacy-compat"/>

  <!-- Danish numbers: 1.234 -->
  <xsl:decimal-format name="da" decimal-separator="," grouping-separator="."/>

  <!-- The heat map's bands by position, for the colour and label of a cell
       or of a risk's band. -->
  <xsl:key name="band" match="v:heat-map/v:band" use="@position"/>

  <!-- ================================================================== -->
  <!-- The page                                                           -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="v:report"/>
  </xsl:template>

  <xsl:template match="v:report">
    <xsl:variable name="m" select="v:management"/>
    <html lang="da">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:text>Ledelsesrapport</xsl:text>
          <xsl:if test="normalize-space(v:organisation/v:name) != ''">
            <xsl:text> – </xsl:text>
            <xsl:value-of select="normalize-space(v:organisation/v:name)"/>
          </xsl:if>
          <xsl:if test="$m/@date">
            <xsl:text> – </xsl:text>
            <xsl:call-template name="date">
              <xsl:with-param name="iso" select="$m/@date"/>
            </xsl:call-template>
          </xsl:if>
        </title>
        <xsl:call-template name="style"/>
      </head>
      <body>
        <div class="page">
          <xsl:call-template name="header">
            <xsl:with-param name="m" select="$m"/>
          </xsl:call-template>
          <xsl:apply-templates select="$m/v:figures"/>
          <xsl:apply-templates select="$m/v:heat-map"/>
          <xsl:apply-templates select="$m/v:top-risks"/>
          <xsl:apply-templates select="$m/v:changes"/>
          <p class="footer">Dannet af Værn.</p>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The CSS                                                            -->
  <!-- ================================================================== -->

  <xsl:template name="style">
    <style>
:root {
  --ink: #1f2328;
  --muted: #5e6670;
  --line: #d0d4d9;
  --soft: #f4f5f7;
  --accent: #1c4f82;
  --warn: #8b0000;
}
* { box-sizing: border-box; }
html { background: #fff; }
body {
  margin: 0;
  color: var(--ink);
  background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Cantarell, "Noto Sans", Roboto, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
}
.page { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }

/* Headings, and the ISO clause each section answers to */
h1, h2, h3 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 2rem; font-weight: 700; margin: 0 0 .25rem; color: var(--accent); }
h2 {
  font-size: 1.35rem; font-weight: 650; margin: 2.5rem 0 .25rem;
  padding-bottom: .3rem; border-bottom: 2px solid var(--accent);
}
h3 { font-size: 1.05rem; font-weight: 650; margin: 1.5rem 0 .5rem; }
.iso { margin: 0 0 1rem; color: var(--muted); font-size: .85rem; break-after: avoid; page-break-after: avoid; }
p { margin: .5rem 0; }
.note { color: var(--muted); font-size: .9rem; }

/* The header */
.header { border-bottom: 1px solid var(--line); padding-bottom: 1rem; margin-bottom: 1rem; }
.logo { float: right; max-height: 4rem; max-width: 12rem; margin: 0 0 .5rem 1rem; }
.org { font-size: 1.3rem; font-weight: 600; margin: .25rem 0 .5rem; }
.meta { margin: 0; padding: 0; list-style: none; color: var(--muted); }
.meta li { margin: .1rem 0; }
.meta strong { color: var(--ink); font-weight: 600; }

/* Tables */
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95em; }
caption { text-align: left; font-weight: 600; padding: 0 0 .35rem; }
th, td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; font-size: .95em; }
tbody th { font-weight: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* The short tables are kept whole on one page. */
table.figures, table.soa, table.legend { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 650; border-top: 2px solid var(--ink); }

/* Key figures: two columns per group, side by side when there is room */
.groups { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.group { flex: 1 1 24rem; min-width: 0; break-inside: avoid; page-break-inside: avoid; }
.figures th { width: 70%; }
.figures td { width: 30%; }

/* Counts that need attention: not colour alone, the text says "Bemærk" */
.attention, .attention th { color: var(--warn); font-weight: 700; }
.flag {
  display: inline-block; margin-right: .4rem; padding: 0 .35rem;
  border: 1px solid var(--warn); border-radius: .25rem;
  font-size: .8em; font-weight: 700; color: var(--warn); white-space: nowrap;
}
.ok { color: var(--muted); }

/* The SoA share as a bar */
.bar {
  width: 100%; min-width: 6rem; height: .8rem; margin-top: .35rem;
  background: var(--soft); border: 1px solid var(--line); border-radius: .2rem; overflow: hidden;
}
.bar-fill { height: 100%; background: var(--accent); }
.share { width: 35%; }

/* The risk matrices */
.maps { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; }
.map { flex: 0 1 auto; break-inside: avoid; page-break-inside: avoid; }
table.heat { width: auto; border-collapse: separate; border-spacing: 3px; margin: 0; }
table.heat caption { padding-bottom: .5rem; font-size: 1rem; }
table.heat th, table.heat td { border: none; padding: 0; }
table.heat td.cell {
  width: 3.4rem; height: 3.1rem; text-align: center; vertical-align: middle;
  border: 1px solid rgba(0, 0, 0, .25); border-radius: .2rem; color: #111;
  font-variant-numeric: tabular-nums; line-height: 1.1;
}
td.cell .count { display: block; font-size: 1.1rem; font-weight: 700; }
td.cell.zero .count { font-weight: 400; opacity: .6; }
td.cell .band-name { display: block; font-size: .65rem; opacity: .8; }
table.heat th.level { color: var(--muted); font-weight: 400; font-size: .85rem; text-align: center; vertical-align: middle; min-width: 1.5rem; }
table.heat th.axis { color: var(--muted); font-weight: 600; font-size: .8rem; text-align: center; vertical-align: middle; }
table.heat th.axis-y { width: 1.4rem; }
table.heat th.axis-y span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.legend { max-width: 30rem; margin-top: 1.5rem; }
.swatch {
  display: inline-block; width: .9rem; height: .9rem; margin-right: .45rem;
  vertical-align: -.1rem; border: 1px solid rgba(0, 0, 0, .35); border-radius: .15rem;
}

/* The highest risks */
table.risks { font-size: .88rem; }
table.risks th, table.risks td { padding: .4rem .45rem; }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
.chip { white-space: nowrap; }
.small { display: block; font-size: .9em; color: var(--muted); margin-top: .2rem; }
table.risks .c-system { width: 14%; }
table.risks .c-risk { width: 22%; }
table.risks .c-score { width: 8%; }
table.risks .c-treatment { width: 32%; }
table.risks .c-owner { width: 16%; }
/* A short text between a heading and its table stays with both. */
.intro { break-after: avoid; page-break-after: avoid; }
.small.attention { color: var(--warn); }
.treatment { font-weight: 600; }
.nowrap { white-space: nowrap; }
/* Wide tables scroll sideways on a narrow screen rather than overflow. */
.scroll { overflow-x: auto; }
@media (max-width: 40rem) {
  .page { padding: 1rem .75rem 2rem; }
  th, td { padding: .35rem .4rem; }
  .bar { min-width: 3rem; }
}

/* Changes */
table.changes td.date { white-space: nowrap; width: 7rem; }
table.changes td.actor { width: 12rem; }

.footer { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .8rem; }

/* Colours that carry meaning are printed too */
td.cell, .swatch, .bar, .bar-fill {
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}

@page { size: A4; margin: 18mm; }

@media print {
  html, body { background: #fff; }
  body { font-size: 10pt; line-height: 1.4; }
  .page { max-width: none; margin: 0; padding: 0; }
  .scroll { overflow: visible; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; margin-top: 1.5rem; }
  h3 { font-size: 11pt; }
  table { font-size: 9.5pt; }
  table.risks { font-size: 9pt; }
  .group { flex-basis: 45%; }
  .maps { gap: .5rem 1.5rem; }
  table.heat td.cell { width: 12mm; height: 11mm; }
}
    </style>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The header                                                         -->
  <!-- ================================================================== -->

  <xsl:template name="header">
    <xsl:param name="m"/>
    <div class="header">
      <xsl:if test="normalize-space(v:organisation/v:logo) != ''">
        <img class="logo" alt="Logo">
          <xsl:attribute name="src">
            <xsl:text>data:image/png;base64,</xsl:text>
            <xsl:value-of select="normalize-space(v:organisation/v:logo)"/>
          </xsl:attribute>
        </img>
      </xsl:if>
      <h1>Ledelsesrapport</h1>
      <xsl:if test="normalize-space(v:organisation/v:name) != ''">
        <p class="org"><xsl:value-of select="normalize-space(v:organisation/v:name)"/></p>
      </xsl:if>
      <ul class="meta">
        <xsl:if test="normalize-space(v:organisation/v:cvr) != ''">
          <li>CVR: <strong><xsl:value-of select="normalize-space(v:organisation/v:cvr)"/></strong></li>
        </xsl:if>
        <xsl:if test="$m/@date">
          <li>Rapportens dato: <strong class="nowrap">
            <xsl:call-template name="date">
              <xsl:with-param name="iso" select="$m/@date"/>
            </xsl:call-template>
          </strong></li>
        </xsl:if>
        <li>
          <xsl:choose>
            <xsl:when test="$m/@last-approved-report">
              <xsl:text>Seneste godkendte ledelsesrapport: </xsl:text>
              <strong class="nowrap">
                <xsl:call-template name="date">
                  <xsl:with-param name="iso" select="$m/@last-approved-report"/>
                </xsl:call-template>
              </strong>
            </xsl:when>
            <xsl:otherwise>Ingen ledelsesrapport er godkendt endnu.</xsl:otherwise>
          </xsl:choose>
        </li>
        <li>
          <xsl:text>Grundlag for ledelsens evaluering</xsl:text>
          <xsl:if test="$m/@iso-clause">
            <xsl:text> (</xsl:text>
            <xsl:call-template name="iso-text">
              <xsl:with-param name="clauses" select="$m/@iso-clause"/>
            </xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </li>
      </ul>
    </div>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Nøgletal (9.1)                                                     -->
  <!-- ================================================================== -->

  <xsl:template match="v:figures">
    <h2>Nøgletal</h2>
    <xsl:call-template name="iso"/>
    <div class="groups">
      <xsl:apply-templates select="v:register"/>
      <xsl:apply-templates select="v:risk-figures"/>
    </div>
    <xsl:apply-templates select="v:soa-figures"/>
    <xsl:if test="v:activity-figures or v:document-figures">
      <div class="group">
        <h3>Årshjul, dokumenter og godkendelser</h3>
        <table class="figures">
          <tbody>
            <xsl:for-each select="v:activity-figures">
              <xsl:call-template name="figure">
                <xsl:with-param name="label">Aktiviteter i årshjulet med overskredet frist</xsl:with-param>
                <xsl:with-param name="value" select="@overdue"/>
                <xsl:with-param name="attention" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="figure">
                <xsl:with-param name="label">
                  <xsl:text>Kommende aktiviteter</xsl:text>
                  <xsl:if test="@until">
                    <xsl:text> (til og med </xsl:text>
                    <xsl:call-template name="date">
                      <xsl:with-param name="iso" select="@until"/>
                    </xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </xsl:if>
                </xsl:with-param>
                <xsl:with-param name="value" select="@upcoming"/>
              </xsl:call-template>
            </xsl:for-each>
            <xsl:for-each select="v:document-figures">
              <xsl:call-template name="figure">
                <xsl:with-param name="label">Dokumenter</xsl:with-param>
                <xsl:with-param name="value" select="@documents"/>
              </xsl:call-template>
              <xsl:call-template name="figure">
                <xsl:with-param name="label">Dokumenter, der skal gennemgås</xsl:with-param>
                <xsl:with-param name="value" select="@review-due"/>
                <xsl:with-param name="attention" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="figure">
                <xsl:with-param name="label">Dokumenter til godkendelse</xsl:with-param>
                <xsl:with-param name="value" select="@in-review"/>
              </xsl:call-template>
              <xsl:call-template name="figure">
                <xsl:with-param name="label">Godkendelser, der venter (dokumenter og SoA-kladde)</xsl:with-param>
                <xsl:with-param name="value" select="@pending-approvals"/>
                <xsl:with-param name="attention" select="true()"/>
              </xsl:call-template>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="v:register">
    <div class="group">
      <h3>Systemer og aktiver</h3>
      <table class="figures">
        <tbody>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Aktiver i alt</xsl:with-param>
            <xsl:with-param name="value" select="@assets"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">IT-systemer</xsl:with-param>
            <xsl:with-param name="value" select="@systems"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">IT-systemer uden systemejer</xsl:with-param>
            <xsl:with-param name="value" select="@without-owner"/>
            <xsl:with-param name="attention" select="true()"/>
          </xsl:call-template>
          <!-- "38 af 42 (90 %)" -->
          <tr>
            <th scope="row">IT-systemer med risikovurdering</th>
            <td class="num">
              <xsl:call-template name="number">
                <xsl:with-param name="value" select="@assessed"/>
              </xsl:call-template>
              <xsl:if test="@systems">
                <xsl:text> af </xsl:text>
                <xsl:call-template name="number">
                  <xsl:with-param name="value" select="@systems"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="@assessed-percent">
                <xsl:text> (</xsl:text>
                <xsl:value-of select="@assessed-percent"/>
                <xsl:text> %)</xsl:text>
              </xsl:if>
            </td>
          </tr>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Databehandleraftale mangler</xsl:with-param>
            <xsl:with-param name="value" select="@dpa-missing"/>
            <xsl:with-param name="attention" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Gennemgang af aktiver overskredet</xsl:with-param>
            <xsl:with-param name="value" select="@review-overdue"/>
            <xsl:with-param name="attention" select="true()"/>
          </xsl:call-template>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="v:risk-figures">
    <div class="group">
      <h3>Risici</h3>
      <table class="figures">
        <tbody>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Risici i alt</xsl:with-param>
            <xsl:with-param name="value" select="@risks"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Vurderede risici</xsl:with-param>
            <xsl:with-param name="value" select="@assessed"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Vurderede risici uden besluttet behandling</xsl:with-param>
            <xsl:with-param name="value" select="@undecided"/>
            <xsl:with-param name="attention" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="figure">
            <xsl:with-param name="label">Risici med overskredet gennemgang</xsl:with-param>
            <xsl:with-param name="value" select="@review-overdue"/>
            <xsl:with-param name="attention" select="true()"/>
          </xsl:call-template>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- The SoA: its version and state, then the implemented share per
       theme of Annex A (5 to 8) with a bar, and the total. -->
  <xsl:template match="v:soa-figures">
    <h3>Erklæring om anvendelighed (SoA-dokument)</h3>
    <xsl:choose>
      <xsl:when test="not(@version) or number(@version) = 0">
        <p>Der er endnu ikke udarbejdet et SoA-dokument.</p>
      </xsl:when>
      <xsl:otherwise>
        <table class="figures">
          <tbody>
            <tr>
              <th scope="row">Nyeste version</th>
              <td class="num">
                <xsl:value-of select="@version"/>
                <xsl:text>, </xsl:text>
                <xsl:choose>
                  <xsl:when test="@approved = 'true'">godkendt</xsl:when>
                  <xsl:otherwise>ikke godkendt (kladde)</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
            <xsl:call-template name="figure">
              <xsl:with-param name="label">Kontroller uden begrundelse</xsl:with-param>
              <xsl:with-param name="value" select="@missing-justification"/>
              <xsl:with-param name="attention" select="true()"/>
            </xsl:call-template>
          </tbody>
        </table>
        <div class="scroll">
        <table class="soa">
          <caption>Implementerede kontroller pr. tema (ISO/IEC 27001, bilag A)</caption>
          <thead>
            <tr>
              <th scope="col">Tema</th>
              <th scope="col" class="num">Gælder</th>
              <th scope="col" class="num">Implementeret</th>
              <th scope="col" class="share">Andel</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="v:theme">
              <tr>
                <th scope="row">
                  <xsl:if test="@number">
                    <xsl:value-of select="@number"/>
                    <xsl:text> </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="theme-name">
                    <xsl:with-param name="key" select="@key"/>
                  </xsl:call-template>
                </th>
                <xsl:call-template name="soa-cells"/>
              </tr>
            </xsl:for-each>
            <xsl:for-each select="v:total">
              <tr class="total">
                <th scope="row">I alt</th>
                <xsl:call-template name="soa-cells"/>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cells of a theme or total row: applicable, implemented, share. -->
  <xsl:template name="soa-cells">
    <td class="num">
      <xsl:call-template name="number">
        <xsl:with-param name="value" select="@applicable"/>
      </xsl:call-template>
    </td>
    <td class="num">
      <xsl:call-template name="number">
        <xsl:with-param name="value" select="@implemented"/>
      </xsl:call-template>
    </td>
    <td class="share">
      <xsl:variable name="p" select="number(@percent)"/>
      <!-- The width kept within 0 to 100, whatever the input says. -->
      <xsl:variable name="width">
        <xsl:choose>
          <xsl:when test="not($p &gt;= 0)">0</xsl:when>
          <xsl:when test="$p &gt; 100">100</xsl:when>
          <xsl:otherwise><xsl:value-of select="round($p)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <span class="num">
        <xsl:choose>
          <xsl:when test="$p &gt;= 0">
            <xsl:value-of select="round($p)"/>
            <xsl:text> %</xsl:text>
          </xsl:when>
          <xsl:otherwise>–</xsl:otherwise>
        </xsl:choose>
      </span>
      <div class="bar">
        <div class="bar-fill" style="width:{$width}%"></div>
      </div>
    </td>
  </xsl:template>

  <!-- One key figure: a row with the label and the count. A count that needs
       attention and is above 0 is bold dark red with "⚠ Bemærk". -->
  <xsl:template name="figure">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="attention" select="false()"/>
    <xsl:variable name="flagged" select="$attention and number($value) &gt; 0"/>
    <tr>
      <xsl:if test="$flagged">
        <xsl:attribute name="class">attention</xsl:attribute>
      </xsl:if>
      <th scope="row"><xsl:copy-of select="$label"/></th>
      <td class="num">
        <xsl:if test="$flagged">
          <span class="flag">⚠ Bemærk</span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:call-template name="number">
          <xsl:with-param name="value" select="$value"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The risk matrices before and after treatment (6.1.2, 8.2)         -->
  <!-- ================================================================== -->

  <xsl:template match="v:heat-map">
    <h2>Risikovurdering før og efter behandling</h2>
    <xsl:call-template name="iso"/>
    <p class="note intro">
      <xsl:text>Antal vurderede risici i hvert felt af risikomatrixen. Rækkerne er sandsynlighed (højest øverst), kolonnerne konsekvens (højest til højre). Farven viser risikoniveauet.</xsl:text>
    </p>
    <div class="maps">
      <div class="map">
        <xsl:call-template name="matrix">
          <xsl:with-param name="which" select="'before'"/>
          <xsl:with-param name="caption">Før behandling</xsl:with-param>
        </xsl:call-template>
      </div>
      <div class="map">
        <xsl:call-template name="matrix">
          <xsl:with-param name="which" select="'after'"/>
          <xsl:with-param name="caption">Efter behandling</xsl:with-param>
        </xsl:call-template>
      </div>
    </div>

    <!-- The legend: each band's colour and label, with its totals. -->
    <table class="legend">
      <caption>Risikoniveauer</caption>
      <thead>
        <tr>
          <th scope="col">Niveau</th>
          <th scope="col" class="num">Før behandling</th>
          <th scope="col" class="num">Efter behandling</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="v:band">
          <xsl:sort select="@position" data-type="number" order="descending"/>
          <tr>
            <th scope="row">
              <span class="swatch">
                <xsl:call-template name="background">
                  <xsl:with-param name="colour" select="@colour"/>
                </xsl:call-template>
              </span>
              <xsl:value-of select="normalize-space(.)"/>
            </th>
            <td class="num">
              <xsl:call-template name="number">
                <xsl:with-param name="value" select="@before"/>
              </xsl:call-template>
            </td>
            <td class="num">
              <xsl:call-template name="number">
                <xsl:with-param name="value" select="@after"/>
              </xsl:call-template>
            </td>
          </tr>
        </xsl:for-each>
        <tr class="total">
          <th scope="row">I alt</th>
          <td class="num">
            <xsl:call-template name="number">
              <xsl:with-param name="value" select="sum(v:band/@before)"/>
            </xsl:call-template>
          </td>
          <td class="num">
            <xsl:call-template name="number">
              <xsl:with-param name="value" select="sum(v:band/@after)"/>
            </xsl:call-template>
          </td>
        </tr>
      </tbody>
    </table>
  </xsl:template>

  <!-- One matrix: "Sandsynlighed" down the left, a row per likelihood level
       (highest at top), a column per consequence level, "Konsekvens" under
       it. $which is "before" or "after": the cell attribute counted. -->
  <xsl:template name="matrix">
    <xsl:param name="which"/>
    <xsl:param name="caption"/>
    <xsl:variable name="map" select="."/>
    <!-- One cell per row and one per column give the levels, whatever
         order the cells come in. -->
    <xsl:variable name="rows" select="v:cell[not(@likelihood = preceding-sibling::v:cell/@likelihood)]"/>
    <xsl:variable name="columns" select="v:cell[not(@consequence = preceding-sibling::v:cell/@consequence)]"/>
    <table class="heat">
      <caption><xsl:value-of select="$caption"/></caption>
      <tbody>
        <xsl:for-each select="$rows">
          <xsl:sort select="@likelihood" data-type="number" order="descending"/>
          <xsl:variable name="l" select="@likelihood"/>
          <tr>
            <xsl:if test="position() = 1">
              <th class="axis axis-y" rowspan="{count($rows)}" scope="row">
                <span>Sandsynlighed</span>
              </th>
            </xsl:if>
            <th class="level" scope="row"><xsl:value-of select="$l"/></th>
            <xsl:for-each select="$map/v:cell[@likelihood = $l]">
              <xsl:sort select="@consequence" data-type="number" order="ascending"/>
              <xsl:variable name="count">
                <xsl:choose>
                  <xsl:when test="$which = 'after'"><xsl:value-of select="@after"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@before"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="band" select="key('band', @band)"/>
              <td>
                <xsl:attribute name="class">
                  <xsl:text>cell</xsl:text>
                  <xsl:if test="number($count) = 0"> zero</xsl:if>
                </xsl:attribute>
                <xsl:call-template name="background">
                  <xsl:with-param name="colour" select="$band/@colour"/>
                </xsl:call-template>
                <xsl:attribute name="title">
                  <xsl:text>Sandsynlighed </xsl:text>
                  <xsl:value-of select="@likelihood"/>
                  <xsl:text>, konsekvens </xsl:text>
                  <xsl:value-of select="@consequence"/>
                  <xsl:if test="$band">
                    <xsl:text>, niveau </xsl:text>
                    <xsl:value-of select="normalize-space($band)"/>
                  </xsl:if>
                  <xsl:text>: </xsl:text>
                  <xsl:value-of select="$count"/>
                  <xsl:choose>
                    <xsl:when test="number($count) = 1"> risiko</xsl:when>
                    <xsl:otherwise> risici</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <span class="count"><xsl:value-of select="$count"/></span>
                <!-- The band's name too, so the matrix reads without colour. -->
                <span class="band-name"><xsl:value-of select="normalize-space($band)"/></span>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
        <!-- The consequence levels under the columns, then the axis label. -->
        <tr>
          <td></td>
          <td></td>
          <xsl:for-each select="$columns">
            <xsl:sort select="@consequence" data-type="number" order="ascending"/>
            <th class="level" scope="col"><xsl:value-of select="@consequence"/></th>
          </xsl:for-each>
        </tr>
        <tr>
          <td></td>
          <td></td>
          <th class="axis" colspan="{count($columns)}" scope="colgroup">Konsekvens</th>
        </tr>
      </tbody>
    </table>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The highest risks and their treatment (6.1.3, 8.3)                -->
  <!-- ================================================================== -->

  <xsl:template match="v:top-risks">
    <h2>De højeste risici og deres behandling</h2>
    <xsl:call-template name="iso"/>
    <xsl:choose>
      <xsl:when test="not(v:risk)">
        <p>Ingen vurderede risici at vise.</p>
      </xsl:when>
      <xsl:otherwise>
        <p class="note intro">
          <xsl:choose>
            <xsl:when test="count(v:risk) = 1">
              <xsl:text>Den vurderede risiko, der er højest efter behandling, med risikoen før behandling og den besluttede behandling.</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>De </xsl:text>
              <xsl:value-of select="count(v:risk)"/>
              <xsl:text> vurderede risici, der er højest efter behandling (ved lighed: før behandling), med den besluttede behandling.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </p>
        <div class="scroll">
        <table class="risks">
          <thead>
            <tr>
              <th scope="col" class="c-system">System</th>
              <th scope="col" class="c-risk">Risiko</th>
              <th scope="col" class="c-score">Før</th>
              <th scope="col" class="c-score">Efter</th>
              <th scope="col" class="c-treatment">Behandling og foranstaltninger</th>
              <th scope="col" class="c-owner">Risikoejer</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="v:risk"/>
          </tbody>
        </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="v:top-risks/v:risk">
    <tr>
      <td><xsl:value-of select="v:asset-name"/></td>
      <td><xsl:value-of select="v:title"/></td>
      <td>
        <xsl:call-template name="score">
          <xsl:with-param name="score" select="v:score"/>
          <xsl:with-param name="band" select="v:band"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="score">
          <xsl:with-param name="score" select="v:residual/v:score"/>
          <xsl:with-param name="band" select="v:residual/v:band"/>
        </xsl:call-template>
        <!-- Neither level assessed again after treatment: the residual
             risk is the inherent one carried over. -->
        <xsl:if test="v:residual/v:likelihood/@assessed = 'false'
                      and v:residual/v:consequence/@assessed = 'false'">
          <span class="small">ikke vurderet efter behandling</span>
        </xsl:if>
      </td>
      <td>
        <span>
          <xsl:attribute name="class">
            <xsl:text>treatment</xsl:text>
            <xsl:if test="normalize-space(v:treatment) = 'undecided'"> attention</xsl:if>
          </xsl:attribute>
          <xsl:if test="normalize-space(v:treatment) = 'undecided'">⚠ </xsl:if>
          <xsl:call-template name="treatment-name">
            <xsl:with-param name="key" select="normalize-space(v:treatment)"/>
          </xsl:call-template>
        </span>
        <xsl:if test="normalize-space(v:measures) != ''">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="normalize-space(v:measures)"/>
        </xsl:if>
        <xsl:if test="v:controls/v:control">
          <span class="small">
            <xsl:text>Kontroller: </xsl:text>
            <xsl:for-each select="v:controls/v:control">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </span>
        </xsl:if>
        <xsl:if test="v:acceptance">
          <span class="small">
            <xsl:text>Restrisiko accepteret</xsl:text>
            <xsl:if test="normalize-space(v:acceptance/v:accepted-by) != ''">
              <xsl:text> af </xsl:text>
              <xsl:value-of select="normalize-space(v:acceptance/v:accepted-by)"/>
            </xsl:if>
            <xsl:if test="v:acceptance/v:accepted-on">
              <xsl:text> den </xsl:text>
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="v:acceptance/v:accepted-on"/>
              </xsl:call-template>
            </xsl:if>
          </span>
        </xsl:if>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="normalize-space(v:owner) != ''">
            <xsl:value-of select="normalize-space(v:owner)"/>
          </xsl:when>
          <xsl:otherwise>
            <span class="attention">⚠ Ingen ejer</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="v:review-date">
          <span>
            <xsl:attribute name="class">
              <xsl:text>small</xsl:text>
              <xsl:if test="v:overdue = 'true'"> attention</xsl:if>
            </xsl:attribute>
            <xsl:text>Gennemgang: </xsl:text>
            <span class="nowrap">
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="v:review-date"/>
              </xsl:call-template>
            </span>
            <xsl:if test="v:overdue = 'true'"><br/><span class="nowrap">⚠ Overskredet</span></xsl:if>
          </span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- A score with its band: "16" and a swatch in the band's colour with
       the band's label. The band may be missing (not assessed). -->
  <xsl:template name="score">
    <xsl:param name="score"/>
    <xsl:param name="band"/>
    <span class="score"><xsl:value-of select="normalize-space($score)"/></span>
    <xsl:if test="$band">
      <br/>
      <span class="chip">
        <span class="swatch">
          <xsl:call-template name="background">
            <xsl:with-param name="colour" select="key('band', $band/@position)/@colour"/>
          </xsl:call-template>
        </span>
        <xsl:value-of select="normalize-space($band)"/>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The changes since the last approved report (7.5.3, 10.1)          -->
  <!-- ================================================================== -->

  <xsl:template match="v:changes">
    <xsl:variable name="since">
      <xsl:choose>
        <xsl:when test="@since"><xsl:value-of select="@since"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="../@last-approved-report"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($since) != ''">
        <h2>Ændringer siden den seneste godkendte rapport</h2>
      </xsl:when>
      <xsl:otherwise>
        <h2>Ændringer (ingen rapport godkendt endnu)</h2>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="iso"/>
    <xsl:if test="string($since) != ''">
      <p class="note intro">
        <xsl:text>Ændringer i Værn efter </xsl:text>
        <xsl:call-template name="date">
          <xsl:with-param name="iso" select="$since"/>
        </xsl:call-template>
        <xsl:text>, da den seneste ledelsesrapport blev godkendt.</xsl:text>
      </p>
    </xsl:if>
    <xsl:if test="@complete = 'false'">
      <p class="attention">
        <span class="flag">⚠ Bemærk</span>
        <xsl:text> Listen er ikke fuldstændig: den viser </xsl:text>
        <xsl:value-of select="count(v:change)"/>
        <xsl:text> ændringer, men der er flere. Hele ændringsloggen findes i Værn.</xsl:text>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="not(v:change)">
        <p>Ingen ændringer.</p>
      </xsl:when>
      <xsl:otherwise>
        <table class="changes">
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Af</th>
              <th scope="col">Ændring</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="v:change">
              <tr>
                <td class="date">
                  <xsl:call-template name="date">
                    <xsl:with-param name="iso" select="@at"/>
                  </xsl:call-template>
                </td>
                <td class="actor"><xsl:value-of select="@actor"/></td>
                <td><xsl:value-of select="normalize-space(.)"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Helpers                                                            -->
  <!-- ================================================================== -->

  <!-- An ISO date or time (YYYY-MM-DD…) as DD-MM-YYYY; anything else as it is. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="d" select="normalize-space($iso)"/>
    <xsl:choose>
      <xsl:when test="string-length($d) &gt;= 10
                      and substring($d, 5, 1) = '-' and substring($d, 8, 1) = '-'">
        <xsl:value-of select="concat(substring($d, 9, 2), '-', substring($d, 6, 2), '-', substring($d, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A count with Danish grouping (1.234); anything not a number as it is. -->
  <xsl:template name="number">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="string(number($value)) != 'NaN'">
        <xsl:value-of select="format-number($value, '#.##0', 'da')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The section's ISO clause, discreetly under its heading. -->
  <xsl:template name="iso">
    <xsl:if test="normalize-space(@iso-clause) != ''">
      <p class="iso">
        <xsl:call-template name="iso-text">
          <xsl:with-param name="clauses" select="@iso-clause"/>
        </xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- "6.1.2 8.2" as "ISO/IEC 27001: 6.1.2, 8.2". -->
  <xsl:template name="iso-text">
    <xsl:param name="clauses"/>
    <xsl:text>ISO/IEC 27001: </xsl:text>
    <xsl:call-template name="join">
      <xsl:with-param name="list" select="normalize-space($clauses)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A space-separated list, joined with ", ". -->
  <xsl:template name="join">
    <xsl:param name="list"/>
    <xsl:choose>
      <xsl:when test="contains($list, ' ')">
        <xsl:value-of select="substring-before($list, ' ')"/>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="join">
          <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A style attribute with the background colour, only for a colour of
       the form #rgb or #rrggbb, so nothing else reaches the CSS. -->
  <xsl:template name="background">
    <xsl:param name="colour"/>
    <xsl:variable name="c" select="normalize-space($colour)"/>
    <xsl:if test="starts-with($c, '#')
                  and (string-length($c) = 7 or string-length($c) = 4)
                  and translate(substring($c, 2), '0123456789abcdefABCDEF', '') = ''">
      <xsl:attribute name="style">
        <xsl:value-of select="concat('background-color: ', $c)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A theme of Annex A by its key. -->
  <xsl:template name="theme-name">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'organisational'">Organisatoriske foranstaltninger</xsl:when>
      <xsl:when test="$key = 'people'">Personrelaterede foranstaltninger</xsl:when>
      <xsl:when test="$key = 'physical'">Fysiske foranstaltninger</xsl:when>
      <xsl:when test="$key = 'technological'">Teknologiske foranstaltninger</xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A risk treatment by its key. -->
  <xsl:template name="treatment-name">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'undecided'">Ikke besluttet</xsl:when>
      <xsl:when test="$key = 'accept'">Accepter</xsl:when>
      <xsl:when test="$key = 'avoid'">Undgå</xsl:when>
      <xsl:when test="$key = 'share'">Del</xsl:when>
      <xsl:when test="$key = 'reduce'">Reducer</xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
