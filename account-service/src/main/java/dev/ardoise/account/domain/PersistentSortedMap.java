package dev.ardoise.account.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A sorted map that never changes: {@link #put} and {@link #remove} answer a new map that shares all but the
 * O(log n) nodes on the changed path (a balanced AVL tree copied along the path). A copy of an account is then
 * one reference, however long its history, and what one copy adds never shows in another. Values are never null
 * ({@link #put} refuses one): {@link #get} answers null for a key the map lacks.
 */
final class PersistentSortedMap<K, V> {
    private final Comparator<? super K> order;
    private final Node<K, V> root;

    private record Node<K, V>(K key, V value, Node<K, V> left, Node<K, V> right, int height, int size) {
    }

    private PersistentSortedMap(Comparator<? super K> order, Node<K, V> root) {
        this.order = order;
        this.root = root;
    }

    static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> order) {
        return new PersistentSortedMap<>(order, null);
    }

    static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> empty() {
        return empty(Comparator.naturalOrder());
    }

    V get(K key) {
        Node<K, V> node = root;
        while (node != null) {
            int side = order.compare(key, node.key);
            if (side == 0) {
                return node.value;
            }
            node = side < 0 ? node.left : node.right;
        }
        return null;
    }

    /**
     * A map with {@code value} under {@code key}.
     *
     * @throws NullPointerException when {@code value} is null ({@link #get} and {@link #remove} take null for absent)
     */
    PersistentSortedMap<K, V> put(K key, V value) {
        Objects.requireNonNull(value, "value: a persistent sorted map holds no null value (null means absent)");
        return new PersistentSortedMap<>(order, put(root, key, value));
    }

    PersistentSortedMap<K, V> remove(K key) {
        return get(key) == null ? this : new PersistentSortedMap<>(order, remove(root, key));
    }

    /** The value of the smallest key; null when empty. */
    V first() {
        Node<K, V> node = root;
        if (node == null) {
            return null;
        }
        while (node.left != null) {
            node = node.left;
        }
        return node.value;
    }

    int size() {
        return size(root);
    }

    /** The values in key order (a walk of the whole map). */
    List<V> values() {
        List<V> values = new ArrayList<>(size());
        collect(root, values);
        return Collections.unmodifiableList(values);
    }

    /** The tree's height, for the tests that check it stays balanced. */
    int height() {
        return height(root);
    }

    private void collect(Node<K, V> node, List<V> values) {
        if (node != null) {
            collect(node.left, values);
            values.add(node.value);
            collect(node.right, values);
        }
    }

    private Node<K, V> put(Node<K, V> node, K key, V value) {
        if (node == null) {
            return node(key, value, null, null);
        }
        int side = order.compare(key, node.key);
        if (side == 0) {
            return node(key, value, node.left, node.right);
        }
        return side < 0 ? balanced(node.key, node.value, put(node.left, key, value), node.right)
                : balanced(node.key, node.value, node.left, put(node.right, key, value));
    }

    private Node<K, V> remove(Node<K, V> node, K key) {
        int side = order.compare(key, node.key);
        if (side < 0) {
            return balanced(node.key, node.value, remove(node.left, key), node.right);
        }
        if (side > 0) {
            return balanced(node.key, node.value, node.left, remove(node.right, key));
        }
        if (node.left == null) {
            return node.right;
        }
        if (node.right == null) {
            return node.left;
        }
        Node<K, V> next = node.right;
        while (next.left != null) {
            next = next.left;
        }
        return balanced(next.key, next.value, node.left, removeFirst(node.right));
    }

    private Node<K, V> removeFirst(Node<K, V> node) {
        if (node.left == null) {
            return node.right;
        }
        return balanced(node.key, node.value, removeFirst(node.left), node.right);
    }

    /** The node over {@code left} and {@code right}, rotated when their heights differ by two. */
    private static <K, V> Node<K, V> balanced(K key, V value, Node<K, V> left, Node<K, V> right) {
        if (height(left) > height(right) + 1) {
            if (height(left.left) >= height(left.right)) {
                return node(left.key, left.value, left.left, node(key, value, left.right, right));
            }
            Node<K, V> middle = left.right;
            return node(middle.key, middle.value, node(left.key, left.value, left.left, middle.left),
                    node(key, value, middle.right, right));
        }
        if (height(right) > height(left) + 1) {
            if (height(right.right) >= height(right.left)) {
                return node(right.key, right.value, node(key, value, left, right.left), right.right);
            }
            Node<K, V> middle = right.left;
            return node(middle.key, middle.value, node(key, value, left, middle.left),
                    node(right.key, right.value, middle.right, right.right));
        }
        return node(key, value, left, right);
    }

    private static <K, V> Node<K, V> node(K key, V value, Node<K, V> left, Node<K, V> right) {
        return new Node<>(key, value, left, right, Math.max(height(left), height(right)) + 1,
                size(left) + size(right) + 1);
    }

    private static int height(Node<?, ?> node) {
        return node == null ? 0 : node.height;
    }

    private static int size(Node<?, ?> node) {
        return node == null ? 0 : node.size;
    }
}
