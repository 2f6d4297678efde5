package org.spinecell.analytics.workspace;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting and protection against formula injection. */
class CsvWriterTests {

	@Test
	void fieldsAreQuotedOnlyWhenTheyMustBeAndRecordsEndWithCrLf() {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere"));
		csv.row(Arrays.asList(null, new BigDecimal("35.600"), new BigDecimal("-20"), -3, true,
				LocalDate.of(2026, 1, 31), UUID.fromString("00000000-0000-0000-0000-000000000001")));
		assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n"
				+ ",35.6,-20,-3,true,2026-01-31,00000000-0000-0000-0000-000000000001\r\n");
	}

	@Test
	void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
		assertThat(CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.field("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvWriter.field("-13.00")).isEqualTo("-13.00");
		assertThat(CsvWriter.field("-7")).isEqualTo("-7");
		assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.field("\tcmd")).isEqualTo("'\tcmd");
		assertThat(CsvWriter.field("=cmd|' /C calc'!A0,x")).isEqualTo("\"'=cmd|' /C calc'!A0,x\"");
		assertThat(CsvWriter.field("a=b")).isEqualTo("a=b");
		assertThat(CsvWriter.field(new BigDecimal("-4.5"))).as("numbers are not text").isEqualTo("-4.5");
		assertThat(CsvWriter.field("")).isEmpty();
	}

}
