using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersistedQueryCaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastUsedAt",
                table: "PersistedQueries",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Length",
                table: "PersistedQueries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows registered before the caps: their length counts toward the cap, and their age is their last use.
            migrationBuilder.Sql("UPDATE \"PersistedQueries\" SET \"Length\" = length(\"Query\"), \"LastUsedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_PersistedQueries_LastUsedAt",
                table: "PersistedQueries",
                column: "LastUsedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersistedQueries_LastUsedAt",
                table: "PersistedQueries");

            migrationBuilder.DropColumn(
                name: "LastUsedAt",
                table: "PersistedQueries");

            migrationBuilder.DropColumn(
                name: "Length",
                table: "PersistedQueries");
        }
    }
}
