package org.jwtbearer.issuer.user;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user an assertion may speak for, with the roles that become the access token's {@code groups}. */
@Entity
@Table(name = "jb_user")
public class UserEntity {

    @Id
    @Column(name = "sys_id", length = 32)
    String sysId;

    @Column(name = "user_name", nullable = false, unique = true, length = 255)
    String userName;

    @Column(name = "name", length = 255)
    String name;

    @Column(name = "email", length = 320)
    String email;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "locked_out", nullable = false)
    boolean lockedOut;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_user_role", joinColumns = @JoinColumn(name = "sys_id"))
    @Column(name = "role", length = 255)
    Set<String> roles = new LinkedHashSet<>();

    @Version
    long version;

    protected UserEntity() {
    }

    UserEntity(String sysId, String userName) {
        this.sysId = sysId;
        this.userName = userName;
    }

    User toUser() {
        return new User(sysId, userName, name, email, Set.copyOf(roles), active, lockedOut);
    }
}
