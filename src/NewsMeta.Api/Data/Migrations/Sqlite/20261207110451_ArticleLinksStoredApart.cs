using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// Each article's links stored apart from its document (ArticleLinksDocuments), the document becoming a frame
    /// that readers splice them into (ArticleDocuments.LinksAt). Documents stored before stay whole, and are
    /// read as they are, until the start-up backfill renders them again.
    /// </summary>
    public partial class ArticleLinksStoredApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LinksAt",
                table: "ArticleDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleLinksDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Links = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleLinksDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleLinksDocuments_Articles_Id",
                        column: x => x.Id,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleLinksDocuments");

            migrationBuilder.DropColumn(
                name: "LinksAt",
                table: "ArticleDocuments");
        }
    }
}
