using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleEmbargo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EmbargoUntil",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReleasedVersion",
                table: "Articles",
                type: "integer",
                nullable: true);

            // Every article stored before embargoes existed was released when it was created (version 1).
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"ReleasedVersion\" = 1;");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ReleasedVersion_EmbargoUntil",
                table: "Articles",
                columns: new[] { "ReleasedVersion", "EmbargoUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ReleasedVersion_EmbargoUntil",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "EmbargoUntil",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReleasedVersion",
                table: "Articles");
        }
    }
}
