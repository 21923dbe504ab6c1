import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes N JPEGs of W x H with smooth random colour fields (so they compress like photos, not like noise), for the
 * Spark benchmark. Run as a source file: java GenerateImages.java DIR N [W H]. Deterministic: image i uses seed i.
 */
public class GenerateImages {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: java GenerateImages.java DIR N [W H]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        int w = args.length == 4 ? Integer.parseInt(args[2]) : 224, h = args.length == 4 ? Integer.parseInt(args[3]) : 224;
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(i);
            double[][] c = new double[3][6];
            for (double[] ch : c) {
                for (int k = 0; k < ch.length; k++) {
                    ch[k] = r.nextDouble(-1, 1);
                }
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double u = 6.0 * x / w, v = 6.0 * y / h;
                    int rgb = 0;
                    for (double[] ch : c) {
                        double s = ch[0] * Math.sin(u + ch[1] * 3) + ch[2] * Math.cos(v * ch[3] + ch[4] * u) + ch[5] * Math.sin(u * v / 3);
                        rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, 128 + 60 * s + r.nextInt(-8, 9)));
                    }
                    img.setRGB(x, y, rgb);
                }
            }
            ImageIO.write(img, "jpg", new File(dir.toFile(), String.format("img%06d.jpg", i)));
        }
    }
}
