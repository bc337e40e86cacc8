import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders the drawn pictures of the demo corpus (rag-example/corpus/colours/), so that their origin and licence
 * are plain: each is mostly one colour, as the colour passages next to them describe. Deterministic; needs only a
 * JDK. Run from the repository root:
 *
 * <pre>java rag-example/corpus-tools/RenderCorpusImages.java rag-example/corpus/colours</pre>
 */
public class RenderCorpusImages {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 360;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "rag-example/corpus/colours");
        Files.createDirectories(dir);
        write(redTiles(), dir.resolve("red-roof-tiles.png"), "png");
        write(greenHills(), dir.resolve("green-hills.png"), "png");
        write(blueWaves(), dir.resolve("blue-sea-waves.gif"), "gif");
        write(yellowSun(), dir.resolve("yellow-sun.png"), "png");
    }

    /** Rows of overlapping round roof tiles in reds. */
    static BufferedImage redTiles() {
        BufferedImage image = canvas(new Color(150, 20, 20));
        Graphics2D g = graphics(image);
        Color[] shades = {new Color(205, 35, 30), new Color(190, 28, 26), new Color(220, 50, 40)};
        for (int row = 0; row < 12; row++) {
            int y = row * 34 - 10;
            for (int col = -1; col < 12; col++) {
                int x = col * 44 + (row % 2) * 22;
                g.setColor(shades[Math.floorMod(row * 7 + col * 3, shades.length)]);
                g.fill(new Ellipse2D.Double(x, y, 46, 52));
                g.setColor(new Color(120, 15, 15));
                g.setStroke(new BasicStroke(2f));
                g.draw(new Ellipse2D.Double(x, y, 46, 52));
            }
        }
        g.dispose();
        return image;
    }

    /** Rolling hills, layer behind layer, in greens, under a thin green-tinted sky. */
    static BufferedImage greenHills() {
        BufferedImage image = canvas(new Color(150, 215, 140));
        Graphics2D g = graphics(image);
        Color[] layers = {new Color(70, 170, 60), new Color(40, 150, 45), new Color(25, 125, 35), new Color(10, 100, 25)};
        for (int i = 0; i < layers.length; i++) {
            double base = 70 + i * 70;
            Path2D.Double hill = new Path2D.Double();
            hill.moveTo(0, HEIGHT);
            for (int x = 0; x <= WIDTH; x += 8) {
                hill.lineTo(x, base + 28 * Math.sin((x + i * 90) / 70.0) + 14 * Math.sin((x + i * 40) / 23.0));
            }
            hill.lineTo(WIDTH, HEIGHT);
            hill.closePath();
            g.setColor(layers[i]);
            g.fill(hill);
        }
        g.dispose();
        return image;
    }

    /** A blue sea with lighter wave crests. */
    static BufferedImage blueWaves() {
        BufferedImage image = canvas(new Color(15, 60, 190));
        Graphics2D g = graphics(image);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int row = 0; row < 10; row++) {
            double y0 = 25 + row * 37;
            GeneralPath wave = new GeneralPath();
            wave.moveTo(-20, y0);
            for (int x = -20; x <= WIDTH + 20; x += 6) {
                wave.lineTo(x, y0 + 9 * Math.sin((x + row * 31) / 18.0));
            }
            g.setColor(row % 2 == 0 ? new Color(60, 120, 230) : new Color(35, 90, 215));
            g.draw(wave);
        }
        g.dispose();
        return image;
    }

    /** A yellow sun with rays on a yellow sky. */
    static BufferedImage yellowSun() {
        BufferedImage image = canvas(new Color(250, 215, 40));
        Graphics2D g = graphics(image);
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        g.setColor(new Color(245, 190, 20));
        for (int i = 0; i < 16; i++) {
            double a = i * Math.PI / 8;
            Path2D.Double ray = new Path2D.Double();
            ray.moveTo(cx + 80 * Math.cos(a - 0.12), cy + 80 * Math.sin(a - 0.12));
            ray.lineTo(cx + 170 * Math.cos(a), cy + 170 * Math.sin(a));
            ray.lineTo(cx + 80 * Math.cos(a + 0.12), cy + 80 * Math.sin(a + 0.12));
            ray.closePath();
            g.fill(ray);
        }
        g.setColor(new Color(255, 235, 60));
        g.fill(new Ellipse2D.Double(cx - 75, cy - 75, 150, 150));
        g.dispose();
        return image;
    }

    private static BufferedImage canvas(Color background) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static void write(BufferedImage image, Path file, String format) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("No ImageIO writer for " + format);
        }
        System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
    }
}
