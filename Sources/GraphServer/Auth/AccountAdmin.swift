import GraphCore

/// The admins' account writes, made alike by the accounts page's forms and the JSON API
/// (`/api/accounts`): each checks the role first, then the input, then writes through
/// ``AccountStore``, which audits it (a collection for a new account, an alteration for a
/// change) in the same transaction.
struct AccountAdmin: Sendable {
    let services: Services

    /// Refuses anyone but an admin: before any body is read.
    ///
    /// - Throws: ``ServerError`` 401 signed out, 403 for any other role.
    static func authorise(_ context: AppRequestContext) throws -> Account {
        try context.require(.manageAccounts)
    }

    /// Adds an account.
    ///
    /// - Returns: the account as listed, and the password when one was generated (shown once).
    /// - Throws: ``ServerError`` 409 for a username taken; 400 for bad input.
    func add(_ new: AccountInput.New, context: AppRequestContext) throws -> (account: AccountSummary, generatedPassword: String?) {
        _ = try AccountAdmin.authorise(context)
        if (try? services.accounts.summary(username: new.username)) != nil {
            throw ServerError(.conflict, "the username \(new.username) is taken")
        }
        let password = new.password ?? AccountStore.generatePassword()
        try services.accounts.create(username: new.username, displayName: new.displayName, role: new.input.role, password: password,
                                     scope: new.input.scope, agency: new.input.agency,
                                     by: try services.viewer(context, purpose: "adding an account"))
        return (try services.accounts.summary(username: new.username), new.password == nil ? password : nil)
    }

    /// Changes an account's role, scope and agency (its sessions end), then disables or
    /// enables it when `disabled` is given and differs.
    ///
    /// - Throws: ``ServerError`` 404 for an unknown account; 400 for bad input, or for an
    ///   admin taking away their own admin role or disabling their own account.
    func change(_ username: String, to input: AccountInput?, disabled: Bool?, context: AppRequestContext) throws -> AccountSummary {
        let admin = try AccountAdmin.authorise(context)
        let current = try services.accounts.summary(username: username)
        if current.username == admin.username {
            if let input, input.role != .admin {
                throw ServerError(.badRequest, "you cannot take away your own admin role: ask another admin")
            }
            if disabled == true { throw ServerError(.badRequest, "you cannot disable your own account: ask another admin") }
        }
        if let input, input.role != current.role || input.scope != current.scope || input.agency != current.agency {
            try services.accounts.update(username: current.username, role: input.role, scope: input.scope, agency: input.agency,
                                         by: try services.viewer(context, purpose: "changing an account's role and scope"))
        }
        if let disabled, disabled != current.disabled {
            try services.accounts.setDisabled(username: current.username, disabled,
                                              by: try services.viewer(context, purpose: disabled ? "disabling an account" : "enabling an account"))
        }
        return try services.accounts.summary(username: current.username)
    }
}
