<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:v="https://vaern.github.io/ns/report/1" exclude-result-prefixes="v">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/v:report">
    <html><body><h1><xsl:value-of select="v:organisation/v:name"/></h1></body></html>
  </xsl:template>
</xsl:stylesheet>
