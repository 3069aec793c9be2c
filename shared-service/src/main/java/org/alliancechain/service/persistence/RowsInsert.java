package org.alliancechain.service.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * Inserts many new rows of one table in one statement ({@code insert … select from unnest(…)}), on the
 * caller's connection and in its transaction: every column travels as one array. Hibernate's insert of a
 * thousand new entities — each decomposed into JDBC values, a batch of a hundred statements at a time —
 * was a sixth of a bulk request's CPU in e-invoice and copyright.
 *
 * <p>Ids come from the table's sequence exactly as Hibernate's pooled-lo optimizer takes them (each
 * {@code nextval} opens a block of {@code block} ids starting at its value; the sequence increments by the
 * block and the entity's allocation size is the block), so rows inserted here and rows Hibernate persists
 * never share an id. A row of an {@link OrganisationOwned} entity is checked as {@code persist} checks it.
 * The rows are not managed by the session afterwards. Declared once (a constant), used by any thread.
 *
 * @param <T> the entity (or any object) a row is made from
 */
public final class RowsInsert<T> {

    private record Column<T>(String name, String arrayType, String select, Function<T, Object> value) {
    }

    private final String table;
    private final List<Column<T>> columns = new ArrayList<>();
    private String idColumn;
    private String sequence;
    private int block;
    private ObjLongConsumer<T> assignId;

    private RowsInsert(String table) {
        this.table = table;
    }

    public static <T> RowsInsert<T> into(String table) {
        return new RowsInsert<>(table);
    }

    /** The id column, given each row from {@code sequence} in blocks of {@code block} (pooled-lo), before the insert. */
    public RowsInsert<T> ids(String column, String sequence, int block, ObjLongConsumer<T> assign) {
        this.idColumn = column;
        this.sequence = sequence;
        this.block = block;
        this.assignId = assign;
        return this;
    }

    public RowsInsert<T> text(String column, Function<T, String> value) {
        return add(column, "text", null, value::apply);
    }

    /** Text sent as UTF-8 bytes: a bytea array travels in binary, a text array's elements are quoted and escaped. */
    public RowsInsert<T> utf8(String column, Function<T, String> value) {
        return add(column, "bytea", "convert_from(x.%s, 'UTF8')", row -> {
            String text = value.apply(row);
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        });
    }

    public RowsInsert<T> bytes(String column, Function<T, byte[]> value) {
        return add(column, "bytea", null, value::apply);
    }

    public RowsInsert<T> bigint(String column, Function<T, Long> value) {
        return add(column, "bigint", null, value::apply);
    }

    public RowsInsert<T> numeric(String column, Function<T, java.math.BigDecimal> value) {
        return add(column, "numeric", null, value::apply);
    }

    public RowsInsert<T> timestamp(String column, Function<T, Instant> value) {
        return add(column, "timestamptz", null, row -> {
            Instant at = value.apply(row);
            return at == null ? null : Timestamp.from(at);
        });
    }

    /** A date, sent as its ISO text and cast by the statement. */
    public RowsInsert<T> date(String column, Function<T, LocalDate> value) {
        return add(column, "text", "x.%s::date", row -> {
            LocalDate day = value.apply(row);
            return day == null ? null : day.toString();
        });
    }

    public RowsInsert<T> enumName(String column, Function<T, Enum<?>> value) {
        return add(column, "text", null, row -> {
            Enum<?> e = value.apply(row);
            return e == null ? null : e.name();
        });
    }

    private RowsInsert<T> add(String column, String arrayType, String select, Function<T, Object> value) {
        if (!column.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        columns.add(new Column<>(column, arrayType, select == null ? "x." + column : select.formatted(column), value));
        return this;
    }

    /** Assigns the rows' ids (when {@link #ids} was given) and inserts them all; fails unless every row was inserted. */
    public void insert(Connection connection, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        for (T row : rows) {
            if (row instanceof OrganisationOwned owned) {
                OrganisationOwned.Guard.guardNew(owned);
            }
        }
        Long[] ids = idColumn == null ? null : assignIds(connection, rows);
        var all = List.copyOf(columns);
        String names = all.stream().map(Column::name).collect(Collectors.joining(", "));
        String selects = all.stream().map(Column::select).collect(Collectors.joining(", "));
        String arrays = all.stream().map(c -> "?::" + c.arrayType() + "[]").collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (" + (idColumn == null ? "" : idColumn + ", ") + names + ") select "
                + (idColumn == null ? "" : "x." + idColumn + ", ") + selects + " from unnest(" + (idColumn == null ? "" : "?::bigint[], ")
                + arrays + ") as x(" + (idColumn == null ? "" : idColumn + ", ") + names + ")";
        try (var statement = connection.prepareStatement(sql)) {
            int p = 1;
            if (idColumn != null) {
                statement.setArray(p++, connection.createArrayOf("bigint", ids));
            }
            for (var column : all) {
                Object[] values = "bytea".equals(column.arrayType()) ? new byte[rows.size()][] : new Object[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = column.value().apply(rows.get(i));
                }
                statement.setArray(p++, connection.createArrayOf(column.arrayType(), values));
            }
            int inserted = statement.executeUpdate();
            if (inserted != rows.size()) {
                throw new SQLException("inserted " + inserted + " of " + rows.size() + " rows into " + table);
            }
        }
    }

    private Long[] assignIds(Connection connection, List<T> rows) throws SQLException {
        var ids = new ArrayList<Long>(rows.size());
        int blocks = (rows.size() + block - 1) / block;
        try (var s = connection.prepareStatement("select nextval(?::regclass) from generate_series(1, ?)")) {
            s.setString(1, sequence);
            s.setInt(2, blocks);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    long low = rs.getLong(1);
                    for (int k = 0; k < block && ids.size() < rows.size(); k++) {
                        ids.add(low + k);
                    }
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("the sequence " + sequence + " gave ids for " + ids.size() + " of " + rows.size() + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            assignId.accept(rows.get(i), ids.get(i));
        }
        return ids.toArray(Long[]::new);
    }
}
