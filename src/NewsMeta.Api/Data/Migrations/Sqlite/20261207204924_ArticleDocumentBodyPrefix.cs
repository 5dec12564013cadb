using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleDocumentBodyPrefix : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyPrefix",
                table: "ArticleDocuments",
                type: "TEXT",
                nullable: true);

            // Documents already stored get their body's start as the writer stores it (SearchHighlights.Prefix:
            // the first 1,200 characters and one more); the same statement on both databases.
            migrationBuilder.Sql("""
                UPDATE "ArticleDocuments" SET "BodyPrefix" = (SELECT substr(a."Body", 1, 1201) FROM "Articles" AS a WHERE a."Id" = "ArticleDocuments"."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyPrefix",
                table: "ArticleDocuments");
        }
    }
}
